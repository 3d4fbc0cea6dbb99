/**
 * Streaming across processes: the run executes in a worker process (`npm run worker`) and this
 * process plays the web server, whose SSE stream gets the LLM node's deltas through PostgreSQL
 * notices — in order, before the node's final event, a delta past NOTIFY's 8 KB cap whole — a
 * snapshot mid-stream with the text so far, and a cancel sent from here keeps the partial text.
 * PostgreSQL only: PGlite serves one process.
 */
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { POST as execute } from "@/app/api/execute/route";
import { POST as cancel } from "@/app/api/execute/[runId]/cancel/route";
import { nodeResults } from "@/server/db/schema";
import { callRoute } from "../helpers/call-route";
import type { StubReply } from "../helpers/llm-stub-server";
import { deltasOf, openRunEvents, streamedText, type RunEventClient } from "../helpers/run-event-client";
import { edge, llmNode, startRunHarness, textNode, type RunHarness } from "../helpers/run-harness";
import { spawnWorkerProcess } from "../helpers/worker-process";
import { testEngine } from "../helpers/test-database";

const onPostgres = testEngine === "postgres";
let h: RunHarness;
let worker: ChildProcess | undefined;

beforeAll(async () => {
  if (!onPostgres) return;
  // No worker in this process: the child executes every run.
  h = await startRunHarness({ worker: false });
  worker = spawnWorkerProcess({
    databaseUrl: h.t.url,
    stubUrl: h.stub.url,
    env: { GROQ_API_KEY: "", GOOGLE_GENERATIVE_AI_API_KEY: "" },
  });
});
afterAll(async () => {
  // The worker closes its connections before the test database is dropped.
  if (worker && worker.exitCode === null) {
    const exited = new Promise((resolve) => worker!.once("exit", resolve));
    worker.kill("SIGTERM");
    await exited;
  }
  await h?.close();
});
beforeEach(() => h?.stub.reset());

const WORDS = Array.from({ length: 24 }, (_, i) => `word${i + 1}`);
const ANSWER = WORDS.join(" ");

async function startStreamingRun(reply: StubReply): Promise<{ runId: string; client: RunEventClient }> {
  // The worker process may take a moment to pick the job up; the first token waits 300 ms more.
  h.stub.setBehavior(() => ({ delayMs: 300, ...reply }));
  const nodes = [textNode("t", "hello"), llmNode("llm")];
  const res = await callRoute(execute, "/api/execute", {
    method: "POST",
    headers: h.alice.headers,
    body: { nodes, edges: [edge("t", "text", "llm", "user_message")] },
  });
  expect(res.status).toBe(202);
  const runId = res.json!.runId as string;
  return { runId, client: await openRunEvents(runId, h.alice.headers) };
}

const storedNode = async (runId: string) =>
  (
    await h.t.handle.db
      .select()
      .from(nodeResults)
      .where(and(eq(nodeResults.runId, runId), eq(nodeResults.nodeId, "llm")))
  )[0];

describe.skipIf(!onPostgres)("streaming from a worker process (PostgreSQL)", () => {
  it("deltas cross processes in order, before the node's final event; together they are the stored output", async () => {
    const { runId, client } = await startStreamingRun({ text: ANSWER, chunkDelayMs: 60 });
    await client.ended;

    const deltas = deltasOf(client, "llm");
    expect(deltas.length).toBeGreaterThanOrEqual(3);
    const final = client.received.filter((e) => e.event === "node" && e.data.nodeId === "llm").at(-1)!;
    expect(final.data).toMatchObject({ status: "SUCCESS", output: { output: ANSWER } });
    expect(client.received.indexOf(deltas.at(-1)!)).toBeLessThan(client.received.indexOf(final));
    expect(streamedText(client, "llm")).toBe(ANSWER);
    expect((await storedNode(runId)).output).toEqual({ output: ANSWER });
    // The worker really was another process: the stub saw the call, this process never ran the node.
    expect(h.stub.requests).toHaveLength(1);
  }, 60_000);

  it("a delta larger than 8 KB crosses processes intact", async () => {
    // No whitespace: the stub sends it as one chunk. Multi-byte, astral and escaped characters.
    const big = 'é漢😀"\\\u0001'.repeat(4_000);
    const { runId, client } = await startStreamingRun({ text: `${big}x` });
    await client.ended;

    expect(deltasOf(client, "llm").length).toBeGreaterThan(1);
    expect(streamedText(client, "llm")).toBe(`${big}x`);
    expect((await storedNode(runId)).output).toEqual({ output: `${big}x` });
  }, 60_000);

  it("a client connecting mid-stream gets the text so far; a cancel from here keeps the partial text", async () => {
    const { runId, client } = await startStreamingRun({ text: ANSWER, chunkDelayMs: 80 });
    await client.waitFor(() => deltasOf(client, "llm").length >= 3);

    const late = await openRunEvents(runId, h.alice.headers);
    const snapshot = await late.waitFor((e) => e.event === "snapshot");
    const row = snapshot.data.nodeResults.find((r: { nodeId: string }) => r.nodeId === "llm");
    expect(row).toMatchObject({ status: "RUNNING", meta: { attempt: 1 } });
    expect(ANSWER.startsWith(row.output.output) && row.output.output.length > 0).toBe(true);

    await client.waitFor(() => deltasOf(client, "llm").length >= 5);
    const res = await callRoute(cancel, `/api/execute/${runId}/cancel`, {
      method: "POST",
      headers: h.alice.headers,
      params: { runId },
    });
    expect(res.status).toBe(200);
    await Promise.all([client.ended, late.ended]);

    let stored = await storedNode(runId);
    for (let i = 0; i < 200 && stored.output === null; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      stored = await storedNode(runId);
    }
    expect(stored).toMatchObject({ status: "SKIPPED", meta: { partial: true } });
    const partial = (stored.output as { output: string }).output;
    // Both clients saw a prefix of what was kept (the last pieces may have crossed as the run ended).
    expect(partial.startsWith(streamedText(client, "llm"))).toBe(true);
    expect(partial.startsWith(streamedText(late, "llm"))).toBe(true);
    expect(partial.length).toBeLessThan(ANSWER.length);
  }, 60_000);
});
