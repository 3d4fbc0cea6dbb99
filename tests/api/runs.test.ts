/** The read side of runs: GET /api/execute/{runId} and GET /api/runs. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getRun } from "@/app/api/execute/[runId]/route";
import { GET as listRuns } from "@/app/api/runs/route";
import { GET as getWorkflow } from "@/app/api/workflows/[id]/route";
import { useDatabase } from "@/server/db";
import { executionLogs, nodeResults, workflowRuns, workflows } from "@/server/db/schema";
import { resetEnvCache } from "@/server/env";
import { getRunOrThrow } from "@/server/runs/get-run";
import { callRoute } from "../helpers/call-route";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { createTestUser, type TestUser } from "../helpers/test-user";

let t: TestDatabase;
let user: TestUser;
let wfA: string;
let wfB: string;
const runIds: string[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t.handle);
  resetEnvCache({ GALAXY_WORKER: "off" });
  user = await createTestUser();
  const db = t.handle.db;
  [{ id: wfA }, { id: wfB }] = await db
    .insert(workflows)
    .values([
      { userId: user.user.id, name: "A", nodes: [], edges: [] },
      { userId: user.user.id, name: "B", nodes: [], edges: [] },
    ])
    .returning({ id: workflows.id });
  const statuses = ["COMPLETED", "FAILED", "COMPLETED", "RUNNING", "QUEUED", "CANCELED", "COMPLETED", "FAILED", "COMPLETED", "COMPLETED", "COMPLETED", "FAILED"] as const;
  for (const [i, status] of statuses.entries()) {
    const [run] = await db
      .insert(workflowRuns)
      .values({
        userId: user.user.id,
        workflowId: i < 11 ? wfA : wfB,
        status,
        scope: i === 0 ? "SINGLE" : "FULL",
        input: { nodes: [], edges: [] },
        createdAt: new Date(Date.now() - (100 - i) * 1000),
      })
      .returning({ id: workflowRuns.id });
    runIds.push(run.id);
  }
  // Logs inserted out of timestamp order: `seq` decides.
  const first = runIds[0];
  await db.insert(nodeResults).values([
    { runId: first, nodeId: "n1", nodeType: "text", status: "SUCCESS", output: { text: "a" } },
    { runId: first, nodeId: "n2", nodeType: "llm", status: "FAILED", error: "boom" },
  ]);
  const same = new Date();
  for (const message of ["start", "n1 done", "n2 failed", "end"]) {
    await db.insert(executionLogs).values({ runId: first, level: "info", message, timestamp: same });
  }
});
afterAll(async () => {
  resetEnvCache();
  await t?.drop();
});

describe("GET /api/execute/{runId}", () => {
  it("answers the run with node results and logs in insertion (seq) order", async () => {
    const id = runIds[0];
    const res = await callRoute(getRun, `/api/execute/${id}`, { headers: user.headers, params: { runId: id } });
    expect(res.status).toBe(200);
    expect(res.json?.run).toMatchObject({ id, status: "COMPLETED", scope: "SINGLE", workflowId: wfA });
    expect(res.json?.run.nodeResults.map((n: { nodeId: string }) => n.nodeId).sort()).toEqual(["n1", "n2"]);
    expect(res.json?.run.executionLogs.map((l: { message: string }) => l.message)).toEqual(["start", "n1 done", "n2 failed", "end"]);
  });

  it("getRunOrThrow is the same shape for the execute route's wait mode", async () => {
    const run = await getRunOrThrow(user.user.id, runIds[0]);
    expect(run.nodeResults).toHaveLength(2);
    expect(run.executionLogs).toHaveLength(4);
    await expect(getRunOrThrow("someone-else", runIds[0])).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("404 for an unknown run", async () => {
    const res = await callRoute(getRun, "/api/execute/nope", { headers: user.headers, params: { runId: "nope" } });
    expect(res.status).toBe(404);
  });
});

describe("GET /api/runs", () => {
  it("lists own runs newest first with total and hasMore, without the graph snapshot", async () => {
    const res = await callRoute(listRuns, "/api/runs?limit=5", { headers: user.headers });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ total: 12, hasMore: true });
    expect(res.json?.runs.map((r: { id: string }) => r.id)).toEqual(runIds.slice(-5).reverse());
    expect(res.json?.runs[0].input).toBeUndefined();
    const last = await callRoute(listRuns, "/api/runs?limit=5&skip=10", { headers: user.headers });
    expect(last.json).toMatchObject({ total: 12, hasMore: false });
    expect(last.json?.runs).toHaveLength(2);
  });

  it("filters by workflowId and status", async () => {
    const byWorkflow = await callRoute(listRuns, `/api/runs?workflowId=${wfB}`, { headers: user.headers });
    expect(byWorkflow.json).toMatchObject({ total: 1, runs: [{ id: runIds[11], status: "FAILED" }] });
    const failed = await callRoute(listRuns, `/api/runs?status=FAILED&workflowId=${wfA}`, { headers: user.headers });
    expect(failed.json?.total).toBe(2);
    const first = await callRoute(listRuns, `/api/runs?workflowId=${wfA}&limit=100`, { headers: user.headers });
    const withResults = first.json?.runs.find((r: { id: string }) => r.id === runIds[0]);
    expect(withResults.nodeResults).toHaveLength(2);
  });

  it.each(["limit=0", "limit=101", "limit=abc", "skip=-1", "status=DONE"])("%s → 400", async (query) => {
    const res = await callRoute(listRuns, `/api/runs?${query}`, { headers: user.headers });
    expect(res.status).toBe(400);
    expect(res.json?.issues[0].path).toBe(query.split("=")[0]);
  });

  it("GET /api/workflows/{id} carries the 10 latest runs", async () => {
    const res = await callRoute(getWorkflow, `/api/workflows/${wfA}`, { headers: user.headers, params: { id: wfA } });
    expect(res.json?.workflow.runs).toHaveLength(10);
    expect(res.json?.workflow.runs[0].id).toBe(runIds[10]);
  });
});
