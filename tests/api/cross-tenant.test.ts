/** User B gets 404 on every method of user A's workflow, run and token — and A's data is unchanged afterwards. */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getRun } from "@/app/api/execute/[runId]/route";
import { GET as listRuns } from "@/app/api/runs/route";
import { DELETE as revokeToken } from "@/app/api/tokens/[id]/route";
import { POST as duplicate } from "@/app/api/workflows/[id]/duplicate/route";
import { GET as exportRoute } from "@/app/api/workflows/[id]/export/route";
import { DELETE as del, GET as getOne, PATCH as patch, PUT as put } from "@/app/api/workflows/[id]/route";
import { GET as listWorkflows } from "@/app/api/workflows/route";
import { useDatabase } from "@/server/db";
import { apiTokens, executionLogs, nodeResults, workflowRuns, workflows } from "@/server/db/schema";
import { resetEnvCache } from "@/server/env";
import { callRoute } from "../helpers/call-route";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { createTestUser, type TestUser } from "../helpers/test-user";
import { validGraph } from "./graphs";

let t: TestDatabase;
let alice: TestUser;
let bob: TestUser;
let workflowId: string;
let runId: string;
let tokenId: string;
let snapshot: () => Promise<string>;

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t.handle);
  resetEnvCache({ GALAXY_WORKER: "off" });
  alice = await createTestUser();
  bob = await createTestUser();
  const db = t.handle.db;
  const [wf] = await db.insert(workflows).values({ userId: alice.user.id, name: "Alice's", ...validGraph(), tags: ["secret"] }).returning();
  workflowId = wf.id;
  const [run] = await db.insert(workflowRuns).values({ userId: alice.user.id, workflowId, status: "COMPLETED", input: validGraph() }).returning();
  runId = run.id;
  await db.insert(nodeResults).values({ runId, nodeId: "t1", nodeType: "text", status: "SUCCESS", output: { text: "hi" } });
  await db.insert(executionLogs).values({ runId, level: "info", message: "done" });
  [{ id: tokenId }] = await db.select({ id: apiTokens.id }).from(apiTokens).where(eq(apiTokens.userId, alice.user.id));
  snapshot = async () =>
    JSON.stringify([
      await db.select().from(workflows).where(eq(workflows.userId, alice.user.id)),
      await db.select().from(workflowRuns).where(eq(workflowRuns.userId, alice.user.id)),
      await db.select().from(nodeResults).where(eq(nodeResults.runId, runId)),
      await db.select().from(executionLogs).where(eq(executionLogs.runId, runId)),
      await db.select({ id: apiTokens.id }).from(apiTokens).where(eq(apiTokens.userId, alice.user.id)),
    ]);
});
afterAll(async () => {
  resetEnvCache();
  await t?.drop();
});

describe("cross-tenant", () => {
  it("answers 404 (never 403) to every method on A's workflow, run and token", async () => {
    const before = await snapshot();
    const h = bob.headers;
    const wf = { params: { id: workflowId } };
    const answers = {
      "GET workflow": await callRoute(getOne, `/api/workflows/${workflowId}`, { headers: h, ...wf }),
      "PUT workflow": await callRoute(put, `/api/workflows/${workflowId}`, { method: "PUT", headers: h, ...wf, body: { name: "pwned", nodes: [], edges: [] } }),
      "PATCH workflow": await callRoute(patch, `/api/workflows/${workflowId}`, { method: "PATCH", headers: h, ...wf, body: { name: "pwned" } }),
      "PATCH workflow with version": await callRoute(patch, `/api/workflows/${workflowId}`, { method: "PATCH", headers: h, ...wf, body: { name: "pwned", version: 1 } }),
      "DELETE workflow": await callRoute(del, `/api/workflows/${workflowId}`, { method: "DELETE", headers: h, ...wf }),
      "POST duplicate": await callRoute(duplicate, `/api/workflows/${workflowId}/duplicate`, { method: "POST", headers: h, ...wf }),
      "GET export": await callRoute(exportRoute, `/api/workflows/${workflowId}/export`, { headers: h, ...wf }),
      "GET run": await callRoute(getRun, `/api/execute/${runId}`, { headers: h, params: { runId } }),
      "DELETE token": await callRoute(revokeToken, `/api/tokens/${tokenId}`, { method: "DELETE", headers: h, params: { id: tokenId } }),
    };
    for (const [label, res] of Object.entries(answers)) {
      expect(res.status, label).toBe(404);
      expect(res.json?.code, label).toBe("NOT_FOUND");
      expect(res.text, label).not.toContain("Alice");
    }
    // The answer for "not yours" is the same as for "does not exist".
    const ghost = await callRoute(getOne, "/api/workflows/c000000000000000000000ghost", { headers: h, params: { id: "c000000000000000000000ghost" } });
    expect(ghost.json).toEqual(answers["GET workflow"].json);
    expect(await snapshot()).toBe(before);
  });

  it("lists show nothing of A's, even when filtering by A's workflow id", async () => {
    const wfs = await callRoute(listWorkflows, "/api/workflows?tag=secret", { headers: bob.headers });
    expect(wfs.json).toMatchObject({ workflows: [], total: 0 });
    const runs = await callRoute(listRuns, `/api/runs?workflowId=${workflowId}`, { headers: bob.headers });
    expect(runs.json).toMatchObject({ runs: [], total: 0, hasMore: false });
  });

  it("A still sees everything", async () => {
    expect((await callRoute(getOne, `/api/workflows/${workflowId}`, { headers: alice.headers, params: { id: workflowId } })).json?.workflow.name).toBe("Alice's");
    expect((await callRoute(getRun, `/api/execute/${runId}`, { headers: alice.headers, params: { runId } })).status).toBe(200);
  });
});
