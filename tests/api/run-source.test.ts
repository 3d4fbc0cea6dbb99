/**
 * `run.source` (DESIGN §9): "editor" when the canvas starts a run (it sends `source: "editor"`),
 * "api" for every other run (the default). Stored on the run and answered by
 * `POST /api/execute` with `wait`, `GET /api/execute/{runId}` and `GET /api/runs`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { GET as getRun } from "@/app/api/execute/[runId]/route";
import { POST as execute } from "@/app/api/execute/route";
import { GET as listRuns } from "@/app/api/runs/route";
import { POST as create } from "@/app/api/workflows/route";
import { API_ROUTES as R } from "@/contracts/api-routes";
import { workflowRuns } from "@/server/db/schema";
import { callRoute } from "../helpers/call-route";
import { expectAnswer } from "../helpers/expect-answer";
import { startRunHarness, textNode, type RunHarness } from "../helpers/run-harness";
import { testEngine } from "../helpers/test-database";

let h: RunHarness;
let workflowId: string;
beforeAll(async () => {
  h = await startRunHarness();
  const res = await callRoute(create, "/api/workflows", {
    headers: h.alice.headers,
    body: { name: "sources", nodes: [textNode("a", "one"), textNode("b", "two")], edges: [] },
  });
  expect(res.status).toBe(201);
  workflowId = res.json!.workflow.id as string;
});
afterAll(async () => {
  await h?.close();
});

const run = (body: Record<string, unknown>) =>
  callRoute(execute, "/api/execute", { headers: h.alice.headers, method: "POST", body: { workflowId, ...body } });

describe(`run.source on ${testEngine}`, () => {
  it("is what the request says, and api when it says nothing; every run answer carries it", async () => {
    const fromEditor = await run({ source: "editor", nodeIds: ["a"], wait: true });
    expectAnswer(R.startRun, fromEditor, { also: true });
    expect(fromEditor.json!.run).toMatchObject({ status: "COMPLETED", source: "editor", scope: "SINGLE", targetNodeIds: ["a"] });

    const fromApi = await run({ source: "api", wait: true });
    expect(fromApi.json!.run).toMatchObject({ status: "COMPLETED", source: "api" });
    const unsaid = await run({ wait: true });
    expect(unsaid.json!.run).toMatchObject({ status: "COMPLETED", source: "api" });

    const editorId = fromEditor.json!.run.id as string;
    const one = await callRoute(getRun, `/api/execute/${editorId}`, { headers: h.alice.headers, params: { runId: editorId } });
    expectAnswer(R.getRun, one);
    expect(one.json!.run.source).toBe("editor");

    const list = await callRoute(listRuns, `/api/runs?workflowId=${workflowId}`, { headers: h.alice.headers });
    expectAnswer(R.listRuns, list);
    const sources = (list.json!.runs as { id: string; source: string }[]).map((r) => [r.id, r.source]);
    expect(sources).toEqual([
      [unsaid.json!.run.id, "api"],
      [fromApi.json!.run.id, "api"],
      [editorId, "editor"],
    ]);

    const [row] = await h.t.handle.db.select({ source: workflowRuns.source }).from(workflowRuns).where(eq(workflowRuns.id, editorId));
    expect(row.source).toBe("editor");
  });

  it("a run started without waiting (queued or started here) stores its source too", async () => {
    const res = await run({ source: "editor" });
    expect(res.status).toBe(202);
    const runId = res.json!.runId as string;
    const [row] = await h.t.handle.db.select({ source: workflowRuns.source }).from(workflowRuns).where(eq(workflowRuns.id, runId));
    expect(row.source).toBe("editor");
  });

  it("refuses any other source with a 400 naming the field, and stores no run", async () => {
    const before = (await h.t.handle.db.select({ id: workflowRuns.id }).from(workflowRuns)).length;
    for (const source of ["canvas", "", 1, null]) {
      const res = await run({ source });
      expect(res.status, JSON.stringify(source)).toBe(400);
      expect(res.json).toMatchObject({ success: false, code: "VALIDATION_FAILED" });
      expect(JSON.stringify(res.json!.issues)).toContain("source");
    }
    expect((await h.t.handle.db.select({ id: workflowRuns.id }).from(workflowRuns)).length).toBe(before);
  });

  it("a run stored before the column existed reads as api (the column's default)", async () => {
    const [row] = await h.t.handle.db
      .insert(workflowRuns)
      .values({ userId: h.alice.user.id, workflowId, status: "COMPLETED", input: { nodes: [], edges: [] } })
      .returning({ id: workflowRuns.id, source: workflowRuns.source });
    expect(row.source).toBe("api");
  });
});
