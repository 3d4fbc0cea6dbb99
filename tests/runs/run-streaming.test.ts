/**
 * Streaming through a whole run, executed by this process's worker: the LLM node's answer
 * reaches the run's SSE stream as `delta` events (coalesced, in order, before the node's final
 * event), a client connecting mid-stream gets the text so far in its snapshot, a node canceled
 * or failed mid-stream keeps its partial text, and a retry starts the text over. Real AI SDK
 * clients against the stub; real database (PGlite, or PostgreSQL with TEST_DATABASE_URL).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { POST as execute } from "@/app/api/execute/route";
import { POST as cancel } from "@/app/api/execute/[runId]/cancel/route";
import { nodeResults } from "@/server/db/schema";
import { resetEnvCache } from "@/server/env";
import { waitForRunEnd } from "@/server/runs/wait-for-run-end";
import { callRoute } from "../helpers/call-route";
import type { StubBehavior, StubReply } from "../helpers/llm-stub-server";
import { deltasOf, openRunEvents, streamedText, type RunEventClient } from "../helpers/run-event-client";
import { edge, llmNode, startRunHarness, textNode, type RunHarness } from "../helpers/run-harness";
import { testEngine } from "../helpers/test-database";

let h: RunHarness;
beforeAll(async () => {
  h = await startRunHarness();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => h.stub.reset());

const WORDS = Array.from({ length: 24 }, (_, i) => `word${i + 1}`);
const ANSWER = WORDS.join(" ");

/**
 * text → llm (`data` added to the LLM node's), the stub answering as told (after 300 ms, so the
 * stream surely listens before the first token; a function answers each call its own way);
 * returns the run id with its event stream listening.
 */
async function startStreamingRun(
  reply: StubReply | StubBehavior,
  data: Record<string, unknown> = {},
): Promise<{ runId: string; client: RunEventClient }> {
  h.stub.setBehavior(typeof reply === "function" ? reply : () => ({ delayMs: 300, ...reply }));
  const nodes = [textNode("t", "hello"), llmNode("llm", data)];
  const edges = [edge("t", "text", "llm", "user_message")];
  // Queued, not yet running: the stream connects before the first token.
  const res = await callRoute(execute, "/api/execute", {
    method: "POST",
    headers: h.alice.headers,
    body: { nodes, edges },
  });
  expect(res.status).toBe(202);
  const runId = res.json!.runId as string;
  return { runId, client: await openRunEvents(runId, h.alice.headers) };
}

const storedNode = async (runId: string, nodeId: string) =>
  (
    await h.t.handle.db
      .select()
      .from(nodeResults)
      .where(and(eq(nodeResults.runId, runId), eq(nodeResults.nodeId, nodeId)))
  )[0];

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; ;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const nodeEvents = (client: RunEventClient, nodeId: string) =>
  client.received.filter((e) => e.event === "node" && e.data.nodeId === nodeId);

describe(`streaming on ${testEngine}`, () => {
  it("deltas arrive in order before the node's final event; together they are the stored output", async () => {
    const { runId, client } = await startStreamingRun({ text: ANSWER, chunkDelayMs: 60 });
    await client.ended;

    const deltas = deltasOf(client, "llm");
    expect(deltas.length).toBeGreaterThanOrEqual(3);
    for (const d of deltas) expect(Object.keys(d.data)).toEqual(["nodeId", "attempt", "text"]);
    expect(new Set(deltas.map((d) => d.data.attempt))).toEqual(new Set([1]));
    const final = nodeEvents(client, "llm").at(-1)!;
    expect(final.data.status).toBe("SUCCESS");
    expect(client.received.indexOf(deltas.at(-1)!)).toBeLessThan(client.received.indexOf(final));
    const running = client.received.findIndex(
      (e) => e.event === "node" && e.data.nodeId === "llm" && e.data.status === "RUNNING",
    );
    const snapshotKnewIt = client.received[0].data.nodeResults.some(
      (r: { nodeId: string }) => r.nodeId === "llm",
    );
    if (!snapshotKnewIt) expect(running).toBeLessThan(client.received.indexOf(deltas[0]));

    expect(streamedText(client, "llm")).toBe(ANSWER);
    expect(final.data.output).toEqual({ output: ANSWER });
    expect((await storedNode(runId, "llm")).output).toEqual({ output: ANSWER });
  });

  it("a client connecting mid-stream gets the text so far in its snapshot, then the rest", async () => {
    const { runId, client } = await startStreamingRun({ text: ANSWER, chunkDelayMs: 40 });
    await client.waitFor((e) => e.event === "delta" && deltasOf(client, "llm").length >= 3);

    const late = await openRunEvents(runId, h.alice.headers);
    const snapshot = await late.waitFor((e) => e.event === "snapshot");
    await late.ended;
    await client.ended;

    const row = snapshot.data.nodeResults.find((r: { nodeId: string }) => r.nodeId === "llm");
    expect(row).toMatchObject({ status: "RUNNING", meta: { attempt: 1 } });
    const soFar = row.output.output as string;
    expect(soFar.length).toBeGreaterThan(0);
    expect(ANSWER.startsWith(soFar)).toBe(true);
    expect(soFar.length).toBeLessThan(ANSWER.length);
    // What the late client received after its snapshot completes it, without repeating any of it.
    expect(
      soFar +
        deltasOf(late, "llm")
          .map((d) => d.data.text)
          .join(""),
    ).toBe(ANSWER);
  });

  it("a node canceled mid-stream keeps its partial text with meta.partial", async () => {
    const { runId, client } = await startStreamingRun({ text: ANSWER, chunkDelayMs: 80 });
    await client.waitFor(() => deltasOf(client, "llm").length >= 3);

    const res = await callRoute(cancel, `/api/execute/${runId}/cancel`, {
      method: "POST",
      headers: h.alice.headers,
      params: { runId },
    });
    expect(res.status).toBe(200);
    await client.ended;
    expect(client.received.at(-1)).toEqual(
      expect.objectContaining({ event: "end", data: { status: "CANCELED" } }),
    );

    // The cancel ends the run (and the stream) at once; the worker then records what its node had.
    const stored = await until(
      () => storedNode(runId, "llm"),
      (row) => row.output !== null,
    );
    const streamed = streamedText(client, "llm");
    expect(stored).toMatchObject({ status: "SKIPPED", error: "canceled", meta: { partial: true } });
    expect((stored.output as { output: string }).output).toBe(streamed);
    expect(ANSWER.startsWith(streamed) && streamed.length < ANSWER.length).toBe(true);
  });

  it("a node failed mid-stream keeps its partial text with meta.partial", async () => {
    const { runId, client } = await startStreamingRun({
      text: ANSWER,
      chunkDelayMs: 10,
      streamError: { afterChunks: 5, status: 400 },
      errorMessage: "flagged",
    });
    await client.ended;

    const stored = await storedNode(runId, "llm");
    expect(stored).toMatchObject({
      status: "FAILED",
      error: "OpenAI-compatible server stopped mid-answer: flagged. Check the node's prompt, then run again.",
      output: { output: "word1 word2 word3 word4 word5 " },
      meta: { partial: true },
    });
    expect(streamedText(client, "llm")).toBe("word1 word2 word3 word4 word5 ");
  });

  it("a retry after a partial stream starts the text over with attempt 2", async () => {
    const { runId, client } = await startStreamingRun((request) =>
      request.callIndex === 1
        ? { delayMs: 300, text: ANSWER, chunkDelayMs: 10, streamError: { afterChunks: 4, disconnect: true } }
        : { text: ANSWER, chunkDelayMs: 10 },
    );
    await client.ended;

    const deltas = deltasOf(client, "llm");
    expect(streamedText(client, "llm", 1)).toBe("word1 word2 word3 word4 ");
    expect(streamedText(client, "llm", 2)).toBe(ANSWER);
    // Attempt 1's text is all sent before attempt 2's begins.
    expect(deltas.map((d) => d.data.attempt)).toEqual([...deltas.map((d) => d.data.attempt)].sort());
    const stored = await storedNode(runId, "llm");
    expect(stored).toMatchObject({ status: "SUCCESS", output: { output: ANSWER }, meta: { attempts: 2 } });
    expect(stored.meta).not.toHaveProperty("partial");
  });

  it("coalesces a fast stream to at most ~20 delta events a second per node", async () => {
    const fast = Array.from({ length: 600 }, (_, i) => `w${i}`).join(" ");
    const { runId, client } = await startStreamingRun({ text: fast, chunkDelayMs: 1 });
    await client.ended;

    const deltas = deltasOf(client, "llm");
    const chunks = h.stub.requests[0].chunks;
    expect(chunks.length).toBe(600);
    const spanMs = chunks.at(-1)!.at - chunks[0].at;
    // One event per 50 ms window at most, plus the first (at once) and the last (flushed at the end).
    expect(deltas.length).toBeLessThanOrEqual(Math.ceil(spanMs / 50) + 2);
    expect(deltas.length).toBeLessThan(chunks.length / 4);
    expect(streamedText(client, "llm")).toBe(fast);
    expect((await storedNode(runId, "llm")).output).toEqual({ output: fast });
  });

  it.each([
    ["google", "gemini-2.5-flash"],
    ["groq", "llama-3.1-8b-instant"],
  ])("%s streams through a run as well", async (provider, model) => {
    // The harness configures the OpenAI-compatible provider only; point the others at the stub too.
    resetEnvCache({
      GALAXY_WORKER: "off",
      OPENAI_COMPATIBLE_BASE_URL: `${h.stub.url}/v1`,
      GOOGLE_GENERATIVE_AI_API_KEY: "test-key",
      GOOGLE_GENERATIVE_AI_BASE_URL: h.stub.url,
      GROQ_API_KEY: "test-key",
      GROQ_BASE_URL: h.stub.url,
      TRIGGER_SECRET_KEY: "",
      TRIGGER_API_KEY: "",
      GALAXY_WORKER_POLL_MS: "200",
    });
    try {
      const { runId, client } = await startStreamingRun({ text: ANSWER, chunkDelayMs: 60 }, { provider, model });
      await client.ended;

      expect(h.stub.requests[0].protocol).toBe(provider === "google" ? "gemini" : "groq");
      expect(deltasOf(client, "llm").length).toBeGreaterThanOrEqual(3);
      expect(streamedText(client, "llm")).toBe(ANSWER);
      expect((await storedNode(runId, "llm")).output).toEqual({ output: ANSWER });
    } finally {
      resetEnvCache({
        GALAXY_WORKER: "off",
        OPENAI_COMPATIBLE_BASE_URL: `${h.stub.url}/v1`,
        GROQ_API_KEY: "",
        GOOGLE_GENERATIVE_AI_API_KEY: "",
        TRIGGER_SECRET_KEY: "",
        TRIGGER_API_KEY: "",
        GALAXY_WORKER_POLL_MS: "200",
      });
    }
  });

  it("a delta larger than NOTIFY's 8 KB cap arrives whole", async () => {
    // One chunk of ~30 KB of multi-byte text (no spaces: the stub sends it in one piece), then a
    // word later (a node whose whole answer came at once may send no delta at all: all or nothing).
    const big = 'é漢😀"\\'.repeat(4_000) + " end";
    const { runId, client } = await startStreamingRun({ text: big, chunkDelayMs: 100 });
    await client.ended;

    expect(streamedText(client, "llm")).toBe(big);
    expect((await storedNode(runId, "llm")).output).toEqual({ output: big });
    expect(await waitForRunEnd(runId, 1_000)).toBe(true);
  });
});
