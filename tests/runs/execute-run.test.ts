import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { POST as execute } from "@/app/api/execute/route";
import { GET as getRun } from "@/app/api/execute/[runId]/route";
import { executionLogs, nodeResults, workflowRuns } from "@/server/db/schema";
import { waitForRunEnd } from "@/server/runs/wait-for-run-end";
import { callRoute } from "../helpers/call-route";
import { insertWorkflow } from "../helpers/fixtures";
import { edge, llmChain, llmNode, startRunHarness, textNode, type RunHarness } from "../helpers/run-harness";
import { testEngine } from "../helpers/test-database";

let h: RunHarness;
beforeAll(async () => {
  h = await startRunHarness();
});
afterAll(async () => {
  await h?.close();
});

const db = () => h.t.handle.db;
const run = (body: unknown, headers = h.alice.headers) => callRoute(execute, "/api/execute", { method: "POST", body, headers });

describe(`runs on ${testEngine}`, () => {
  it("answers 202 with a run id, executes it, and persists every node transition and log line", async () => {
    const { nodes, edges } = llmChain(2);
    const res = await run({ nodes, edges });
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({ success: true, runId: expect.any(String) });
    const runId = res.json!.runId as string;
    expect(await waitForRunEnd(runId, 20_000)).toBe(true);

    const [row] = await db().select().from(workflowRuns).where(eq(workflowRuns.id, runId));
    expect(row).toMatchObject({ status: "COMPLETED", scope: "FULL", errorMessage: null });
    expect(row.startedAt).toBeInstanceOf(Date);
    expect(row.completedAt).toBeInstanceOf(Date);
    expect(row.durationMs).toBeGreaterThanOrEqual(0);
    expect(row.input).toMatchObject({ nodes: expect.any(Array), edges: expect.any(Array) });
    expect(row.output).toEqual({
      t: { text: "hello" },
      "llm-1": { output: "stub: hello" },
      "llm-2": { output: "stub: stub: hello" },
    });

    const results = await db().select().from(nodeResults).where(eq(nodeResults.runId, runId));
    expect(results).toHaveLength(3);
    for (const result of results) {
      expect(result).toMatchObject({ status: "SUCCESS", cached: false, cacheKey: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(result.startedAt).toBeInstanceOf(Date);
      expect(result.completedAt).toBeInstanceOf(Date);
    }
    expect(results.find((r) => r.nodeId === "llm-2")?.input).toEqual({ user_message: ["stub: hello"] });

    const logs = await db().select().from(executionLogs).where(eq(executionLogs.runId, runId)).orderBy(asc(executionLogs.seq));
    const messages = logs.map((l) => l.message);
    expect(messages[0]).toMatch(/^run started/);
    expect(messages.at(-1)).toMatch(/^run completed/);
    for (const id of ["t", "llm-1", "llm-2"]) {
      const started = messages.indexOf(`node "${id}" started`);
      const succeeded = messages.findIndex((m) => m.startsWith(`node "${id}" succeeded`));
      expect(started).toBeGreaterThan(0);
      expect(succeeded).toBeGreaterThan(started);
    }
    // llm-2 starts only after llm-1 succeeded.
    expect(messages.indexOf(`node "llm-2" started`)).toBeGreaterThan(messages.findIndex((m) => m.startsWith(`node "llm-1" succeeded`)));
  });

  it("with wait: true answers 200 with the finished run in the GET shape", async () => {
    const res = await run({ nodes: [textNode("a", "x"), llmNode("b")], edges: [edge("a", "text", "b", "user_message")], wait: true });
    expect(res.status).toBe(200);
    const { run: body } = res.json as { run: Record<string, any> };
    expect(body).toMatchObject({ status: "COMPLETED", output: { a: { text: "x" }, b: { output: "stub: x" } } });
    expect(body.nodeResults).toHaveLength(2);
    expect(body.executionLogs.length).toBeGreaterThan(3);
    const get = await callRoute(getRun, `/api/execute/${body.id}`, { headers: h.alice.headers, params: { runId: body.id } });
    expect(Object.keys(get.json!.run).sort()).toEqual(Object.keys(body).sort());
  });

  it("a graph sent with a workflowId (the seed's form) runs that graph and files the run under the workflow", async () => {
    const workflow = await insertWorkflow(db(), h.alice.user.id, { nodes: [textNode("saved", "saved")], edges: [] });
    const res = await run({ nodes: [textNode("live", "unsaved edit")], edges: [], workflowId: workflow.id, wait: true });
    expect(res.status).toBe(200);
    expect(res.json!.run).toMatchObject({ status: "COMPLETED", output: { live: { text: "unsaved edit" } } });
    const [row] = await db().select().from(workflowRuns).where(eq(workflowRuns.id, res.json!.run.id));
    expect(row.workflowId).toBe(workflow.id);
    const other = await run({ nodes: [textNode("x", "y")], edges: [], workflowId: workflow.id }, h.bob.headers);
    expect(other.status).toBe(404);
    const half = await run({ nodes: [textNode("x", "y")] });
    expect(half.status).toBe(400);
  });

  it("a failed node skips its descendants only; the run is FAILED", async () => {
    h.stub.setBehavior((req) => (req.userMessage === "boom" ? { status: 400, errorMessage: "bad prompt" } : undefined));
    try {
      const res = await run({
        nodes: [llmNode("bad", { user_message: "boom" }), llmNode("after"), llmNode("ok")],
        edges: [edge("bad", "output", "after", "user_message")],
        wait: true,
      });
      const body = res.json!.run as { status: string; errorMessage: string; nodeResults: { nodeId: string; status: string; error: string | null }[] };
      expect(body.status).toBe("FAILED");
      expect(body.errorMessage).toMatch(/bad/);
      const byId = Object.fromEntries(body.nodeResults.map((n) => [n.nodeId, n]));
      expect(byId.bad.status).toBe("FAILED");
      expect(byId.after.status).toBe("SKIPPED");
      expect(byId.ok.status).toBe("SUCCESS");
    } finally {
      h.stub.setBehavior();
    }
  });

  it("a partial run reuses an upstream result only while its cache key matches", async () => {
    const workflow = await insertWorkflow(db(), h.alice.user.id, {
      nodes: [textNode("t", "topic"), llmNode("up", { system_prompt: "v1" }), llmNode("down")],
      edges: [edge("t", "text", "up", "user_message"), edge("up", "output", "down", "user_message")],
    });
    const full = await run({ workflowId: workflow.id, wait: true });
    expect(full.json!.run.status).toBe("COMPLETED");
    const upCalls = () => h.stub.requests.filter((r) => r.systemPrompt === "v1" || r.systemPrompt === "v2").length;
    const before = upCalls();

    const partial = await run({ workflowId: workflow.id, nodeIds: ["down"], wait: true });
    const partialRun = partial.json!.run as { status: string; scope: string; targetNodeIds: string[]; nodeResults: { nodeId: string; cached: boolean; status: string }[] };
    expect(partialRun).toMatchObject({ status: "COMPLETED", scope: "SINGLE", targetNodeIds: ["down"] });
    const byId = Object.fromEntries(partialRun.nodeResults.map((n) => [n.nodeId, n]));
    expect(byId.up).toMatchObject({ status: "SUCCESS", cached: true });
    expect(byId.t).toMatchObject({ status: "SUCCESS", cached: true });
    expect(byId.down).toMatchObject({ status: "SUCCESS", cached: false });
    expect(upCalls()).toBe(before); // upstream not called again

    // Change the upstream's parameters: its key no longer matches, so it runs again.
    await db()
      .update((await import("@/server/db/schema")).workflows)
      .set({ nodes: [textNode("t", "topic"), llmNode("up", { system_prompt: "v2" }), llmNode("down")] })
      .where(eq((await import("@/server/db/schema")).workflows.id, workflow.id));
    const again = await run({ workflowId: workflow.id, nodeIds: ["down"], wait: true });
    const againById = Object.fromEntries((again.json!.run.nodeResults as { nodeId: string; cached: boolean }[]).map((n) => [n.nodeId, n]));
    expect(againById.up.cached).toBe(false);
    expect(upCalls()).toBe(before + 1);
  });

  it("answers 400 NOT_READY naming each node and what it lacks", async () => {
    const res = await run({
      nodes: [
        llmNode("no-message", { user_message: "" }),
        llmNode("no-provider", { provider: "groq" }),
        { id: "img", type: "uploadImage", position: { x: 0, y: 0 }, data: { assetId: "missing-asset" } },
        { id: "img2", type: "uploadImage", position: { x: 0, y: 0 }, data: {} },
      ],
      edges: [],
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ success: false, code: "NOT_READY" });
    const issues = res.json!.nodes as { nodeId: string; field: string; message: string }[];
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ nodeId: "no-message", field: "user_message" }),
        expect.objectContaining({ nodeId: "no-provider", field: "provider", message: expect.stringMatching(/no provider configured for Groq/) }),
        expect.objectContaining({ nodeId: "img", field: "assetId" }),
        expect.objectContaining({ nodeId: "img2", field: "assetId" }),
      ]),
    );
    expect(await db().select().from(workflowRuns).where(eq(workflowRuns.userId, h.alice.user.id)).then((r) => r.every((x) => x.status !== "QUEUED"))).toBe(true);
  });

  it("answers 400 with every structural issue, and for unknown target nodes", async () => {
    const bad = await run({ nodes: [textNode("a", "x"), textNode("a", "y")], edges: [edge("a", "text", "zzz", "user_message")] });
    expect(bad.status).toBe(400);
    expect(bad.json!.code).toBe("VALIDATION_FAILED");
    expect((bad.json!.issues as unknown[]).length).toBeGreaterThanOrEqual(2);
    const unknown = await run({ nodes: [textNode("a", "x")], edges: [], nodeIds: ["nope"] });
    expect(unknown.status).toBe(400);
    expect(unknown.json!.issues).toEqual([expect.objectContaining({ path: "nodeIds[0]" })]);
    const neither = await run({ nodeIds: ["a"] });
    expect(neither.status).toBe(400);
  });

  it("another user's workflow is not found (404), and so is their run", async () => {
    const workflow = await insertWorkflow(db(), h.bob.user.id, { nodes: [textNode("a", "x")], edges: [] });
    const res = await run({ workflowId: workflow.id });
    expect(res.status).toBe(404);
    const mine = await run({ nodes: [textNode("a", "x")], edges: [] }, h.bob.headers);
    const get = await callRoute(getRun, `/api/execute/${mine.json!.runId}`, { headers: h.alice.headers, params: { runId: mine.json!.runId } });
    expect(get.status).toBe(404);
  });
});
