import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { POST as execute } from "@/app/api/execute/route";
import { GET as getRun } from "@/app/api/execute/[runId]/route";
import { GET as events } from "@/app/api/execute/[runId]/events/route";
import { workflowRuns } from "@/server/db/schema";
import { hasRunSubscribers } from "@/server/events/run-events";
import { executeRun } from "@/server/runs/execute-run";
import { callRoute } from "../helpers/call-route";
import { llmNode, sleep, startRunHarness, textNode, edge, type RunHarness } from "../helpers/run-harness";
import { spawnWorkerProcess } from "../helpers/worker-process";
import { testEngine } from "../helpers/test-database";

let h: RunHarness;
beforeAll(async () => {
  // No worker: each test plays the worker itself, after its event stream is listening.
  h = await startRunHarness({ worker: false });
  // A progress write the database refuses: the unexpected error of these tests.
  await h.t.handle.db.execute(sql`ALTER TABLE node_results ADD CONSTRAINT no_node_named_boom CHECK (node_id <> 'boom')`);
});
afterAll(async () => {
  await h?.close();
});

const db = () => h.t.handle.db;

async function createRun(nodes: unknown[], edges: unknown[] = []): Promise<string> {
  const res = await callRoute(execute, "/api/execute", { method: "POST", headers: h.alice.headers, body: { nodes, edges } });
  expect(res.status).toBe(202);
  return res.json!.runId as string;
}

/** Opens the run's SSE stream and resolves once it listens; `body` is all it sent, when it ends. */
async function openStream(runId: string): Promise<{ body: Promise<string> }> {
  const body = callRoute(events, `/api/execute/${runId}/events`, { headers: h.alice.headers, params: { runId } }).then((res) => res.text);
  for (let i = 0; i < 500 && !hasRunSubscribers(runId); i++) await sleep(10);
  expect(hasRunSubscribers(runId)).toBe(true);
  return { body };
}

const storedRun = async (runId: string) => (await db().select().from(workflowRuns).where(eq(workflowRuns.id, runId)))[0];

/** The stack stays on the server: no key, no frame of it in what a client receives. */
function expectNoStack(body: string, stack: string) {
  expect(body).not.toMatch(/errorStack|error_stack/);
  expect(body).not.toContain(stack.split("\n")[1].trim());
}

describe(`error_stack on ${testEngine}`, () => {
  it("a run failed by an unexpected error stores its stack; the API and the event stream never show it", async () => {
    const runId = await createRun([textNode("t", "hello"), llmNode("boom")], [edge("t", "text", "boom", "user_message")]);
    const stream = await openStream(runId);
    await executeRun(runId);

    const run = await storedRun(runId);
    expect(run.status).toBe("FAILED");
    expect(run.errorMessage).toMatch(/^could not record progress: .*no_node_named_boom/);
    expect(run.errorStack).toMatch(/no_node_named_boom[^]*\n\s+at /);

    const answer = await callRoute(getRun, `/api/execute/${runId}`, { headers: h.alice.headers, params: { runId } });
    expect(answer.status).toBe(200);
    expect(answer.json!.run).toMatchObject({ id: runId, status: "FAILED", errorMessage: run.errorMessage });
    expectNoStack(answer.text, run.errorStack!);

    const sse = await stream.body;
    expect(sse).toMatch(/event: run\ndata: \{[^\n]*"status":"FAILED"/);
    expectNoStack(sse, run.errorStack!);
    // A stream opened on the finished run (its snapshot) carries no stack either.
    const later = await callRoute(events, `/api/execute/${runId}/events`, { headers: h.alice.headers, params: { runId } });
    expect(later.text).toMatch(/^event: snapshot\n/);
    expectNoStack(later.text, run.errorStack!);
  });

  it("a node's readable error leaves error_stack NULL", async () => {
    h.stub.setBehavior(() => ({ status: 400, errorMessage: "bad prompt" }));
    try {
      const runId = await createRun([llmNode("bad")]);
      await executeRun(runId);
      const run = await storedRun(runId);
      expect(run.status).toBe("FAILED");
      expect(run.errorMessage).toMatch(/bad prompt/);
      expect(run.errorStack).toBeNull();
    } finally {
      h.stub.setBehavior();
    }
  });

  it.skipIf(testEngine !== "postgres")("events relayed from a worker process carry no stack either", async () => {
    // PGlite serves one process; across processes the run rows travel through NOTIFY and are re-read here.
    const runId = await createRun([textNode("t", "hello"), llmNode("slow"), llmNode("boom")], [
      edge("t", "text", "slow", "user_message"),
      edge("slow", "output", "boom", "user_message"),
    ]);
    h.stub.setBehavior(() => ({ delayMs: 300 }));
    const stream = await openStream(runId);
    let worker: ChildProcess | undefined;
    try {
      worker = spawnWorkerProcess({ databaseUrl: h.t.url, stubUrl: h.stub.url });
      const sse = await stream.body;
      const run = await storedRun(runId);
      expect(run.status).toBe("FAILED");
      expect(run.errorStack).toMatch(/no_node_named_boom/);
      // RUNNING comes only through the bridge (the claim happened in the worker); FAILED too, or the stream's recheck.
      expect(sse).toMatch(/event: run\ndata: \{[^\n]*"status":"RUNNING"/);
      expect(sse).toMatch(/event: node\ndata: \{[^\n]*"nodeId":"slow"/);
      expectNoStack(sse, run.errorStack!);
    } finally {
      h.stub.setBehavior();
      worker?.kill("SIGTERM");
    }
  }, 60_000);
});
