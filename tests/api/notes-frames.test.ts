/**
 * Notes and frames (DESIGN §9) through the real routes: saved, exported and imported as they
 * are (size and colour included), never in a run's plan, and a run of only them says there is
 * nothing to run. Edges to them are refused on save.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as execute } from "@/app/api/execute/route";
import { GET as exportRoute } from "@/app/api/workflows/[id]/export/route";
import { PATCH as patch } from "@/app/api/workflows/[id]/route";
import { POST as importRoute } from "@/app/api/workflows/import/route";
import { POST as create } from "@/app/api/workflows/route";
import { callRoute } from "../helpers/call-route";
import { edge, llmNode, startRunHarness, textNode, type RunHarness } from "../helpers/run-harness";

const note = { id: "why", type: "note", position: { x: 0, y: -200 }, width: 280, height: 150, data: { text: "## Why\n\n**Bold** plan", color: "yellow" } };
const frame = { id: "group", type: "frame", position: { x: -40, y: -80 }, width: 900, height: 400, data: { title: "Ask the model", color: "#60a5fa" } };
const graph = {
  nodes: [note, frame, textNode("t", "hello"), llmNode("l", { user_message: undefined })],
  edges: [edge("t", "text", "l", "user_message")],
};

let h: RunHarness;
beforeAll(async () => {
  h = await startRunHarness();
});
afterAll(async () => {
  await h?.close();
});

const createWorkflow = (body: Record<string, unknown>) => callRoute(create, "/api/workflows", { headers: h.alice.headers, body: { name: "Annotated", ...body } });
const run = (body: Record<string, unknown>) => callRoute(execute, "/api/execute", { headers: h.alice.headers, method: "POST", body });

describe("notes and frames", () => {
  it("are saved, exported and imported with their text, title, colour and size", async () => {
    const created = await createWorkflow(graph);
    expect(created.status, created.text).toBe(201);
    const id = created.json!.workflow.id as string;
    const moved = { ...note, width: 320, height: 200, data: { ...note.data, text: "edited" } };
    const saved = await callRoute(patch, `/api/workflows/${id}`, {
      method: "PATCH",
      headers: h.alice.headers,
      params: { id },
      body: { nodes: [moved, ...graph.nodes.slice(1)], edges: graph.edges, version: 1 },
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json!.workflow.nodes[0]).toEqual(moved);

    const exported = await callRoute(exportRoute, `/api/workflows/${id}/export`, { headers: h.alice.headers, params: { id } });
    expect(exported.status).toBe(200);
    const imported = await callRoute(importRoute, "/api/workflows/import", { headers: h.alice.headers, body: exported.json });
    expect(imported.status, imported.text).toBe(201);
    expect(imported.json!.workflow.nodes).toEqual(saved.json!.workflow.nodes);
  });

  it("are refused with a bad colour or an over-long title, and as an edge's end", async () => {
    const badColour = await createWorkflow({ nodes: [{ ...note, data: { text: "x", color: "red; background: url(x)" } }], edges: [] });
    expect(badColour.status).toBe(400);
    expect(badColour.json!.issues).toContainEqual(expect.objectContaining({ path: "nodes[0].data.color" }));
    const longTitle = await createWorkflow({ nodes: [{ ...frame, data: { title: "t".repeat(201) } }], edges: [] });
    expect(longTitle.json!.issues).toContainEqual(expect.objectContaining({ path: "nodes[0].data.title", code: "invalid_data" }));
    const wired = await createWorkflow({ nodes: graph.nodes, edges: [...graph.edges, edge("why", "text", "l", "system_prompt")] });
    expect(wired.status).toBe(400);
    expect(wired.json!.issues).toContainEqual(expect.objectContaining({ path: "edges[1]", message: '"why" is a note, drawn on the canvas only: it has no ports to connect' }));
  });

  it("are never in a run's plan", async () => {
    const res = await run({ ...graph, wait: true });
    expect(res.status, res.text).toBe(200);
    expect(res.json!.run.status).toBe("COMPLETED");
    expect((res.json!.run.nodeResults as { nodeId: string }[]).map((r) => r.nodeId).sort()).toEqual(["l", "t"]);
    const partial = await run({ ...graph, nodeIds: ["why", "l"], wait: true });
    // The note chosen beside the LLM node is left out: a single-node run of "l".
    expect(partial.json!.run).toMatchObject({ status: "COMPLETED", scope: "SINGLE", targetNodeIds: ["l"] });
    expect((partial.json!.run.nodeResults as { nodeId: string }[]).map((r) => r.nodeId).sort()).toEqual(["l", "t"]);
  });

  it("alone, or chosen alone, leave nothing to run, said in plain words", async () => {
    const onlyNotes = await run({ nodes: [note, frame], edges: [] });
    expect(onlyNotes.status).toBe(400);
    expect(onlyNotes.json!.error).toBe("Nothing to run: this workflow has only notes and frames, which are never run. Add a node that does something.");
    const chosen = await run({ ...graph, nodeIds: ["why"] });
    expect(chosen.status).toBe(400);
    expect(chosen.json!.error).toBe("Nothing to run: the chosen nodes are notes or frames, which are never run.");
  });
});
