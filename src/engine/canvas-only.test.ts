/** Canvas-only types (the app's notes and frames): validated like any node, never planned, checked or run. */
import { describe, expect, it } from "vitest";
import { checkReadiness } from "./check-readiness";
import { planRun } from "./plan";
import { runGraph } from "./run-graph";
import type { ExecuteNode } from "./run-types";
import { testCatalogue } from "./test-catalogue";
import { edge, node } from "./test-graph";
import { validateGraph } from "./validate-graph";

// note "n" → reply "r", and a sticky "s" beside them.
const graph = {
  nodes: [node("n", "note", { text: "hi" }), node("r", "reply"), node("s", "sticky", { text: "why this flow" })],
  edges: [edge("n", "r", "text", "prompt")],
};

describe("canvas-only nodes", () => {
  it("are never planned: not in a full run, not as targets", () => {
    expect(planRun(graph, "FULL", [], testCatalogue).nodeIds).toEqual(["n", "r"]);
    expect(planRun(graph, "PARTIAL", ["s", "r"], testCatalogue)).toMatchObject({ nodeIds: ["n", "r"], targetIds: ["r"] });
    expect(planRun(graph, "SINGLE", ["s"], testCatalogue).nodeIds).toEqual([]);
    // Without the catalogue the plan cannot tell them apart.
    expect(planRun(graph, "FULL").nodeIds).toEqual(["n", "r", "s"]);
  });

  it("have their data validated, and an edge to or from one is refused", () => {
    expect(validateGraph(graph, testCatalogue)).toMatchObject({ ok: true });
    const long = { ...graph, nodes: [...graph.nodes.slice(0, 2), node("s", "sticky", { text: "x".repeat(101) })] };
    expect(validateGraph(long, testCatalogue)).toMatchObject({ ok: false, issues: [{ path: "nodes[2].data.text", code: "invalid_data" }] });
    const wired = { ...graph, edges: [edge("s", "r", "text", "prompt"), edge("n", "s", "text", "in", "e2")] };
    expect(validateGraph(wired, testCatalogue)).toEqual({
      ok: false,
      issues: [
        { path: "edges[0]", code: "unknown_handle", message: '"s" is a sticky, drawn on the canvas only: it has no ports to connect' },
        { path: "edges[1]", code: "unknown_handle", message: '"s" is a sticky, drawn on the canvas only: it has no ports to connect' },
      ],
    });
  });

  it("are always ready and never executed", async () => {
    expect(checkReadiness(graph, ["s"], testCatalogue)).toEqual([]);
    const ran: string[] = [];
    const executeNode: ExecuteNode = async (n) => {
      ran.push(n.id);
      return { outputs: { text: "t", reply: "r" } };
    };
    const outcome = await runGraph({ graph, scope: "FULL", catalogue: testCatalogue, executeNode });
    expect(outcome.status).toBe("COMPLETED");
    expect(ran.sort()).toEqual(["n", "r"]);
    expect(Object.keys(outcome.nodes).sort()).toEqual(["n", "r"]);
  });
});
