/**
 * Usage and cost, end to end through the real AI SDK clients against the model stub: each LLM
 * node's usage (the stub's numbers), its cost from the built-in table, the override file or
 * null, the run's sum in every run answer and live event, and a workflow's last 30 days.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { POST as cancel } from "@/app/api/execute/[runId]/cancel/route";
import { GET as getWorkflow } from "@/app/api/workflows/[id]/route";
import { GET as listWorkflows } from "@/app/api/workflows/route";
import { GET as listRuns } from "@/app/api/runs/route";
import { workflowRuns } from "@/server/db/schema";
import { waitForRunEnd } from "@/server/runs/wait-for-run-end";
import { callRoute } from "../helpers/call-route";
import { insertWorkflow } from "../helpers/fixtures";
import { edge, llmNode, sleep, startRunHarness, textNode, type RunHarness } from "../helpers/run-harness";
import { testEngine } from "../helpers/test-database";
import { byNodeId, pointProvidersAt, readRunEvents, runToEnd, startRun, writePricesFile } from "./usage-kit";

let h: RunHarness;
beforeAll(async () => {
  h = await startRunHarness();
  pointProvidersAt(h, {
    GALAXY_PRICES_FILE: writePricesFile({
      "openai-compatible/stub-model": { inputPerMillion: 2, outputPerMillion: 8 },
      // Wins over the built-in 0.59 / 0.79.
      "groq/llama-3.3-70b-versatile": { inputPerMillion: 100, outputPerMillion: 200 },
    }),
  });
});
afterAll(async () => {
  await h?.close();
});

/** "be brief" + "hello world" in (4 words: the stub's input tokens), "stub: hello world" out (3). */
const model = (id: string, provider: string, modelName: string) => llmNode(id, { provider, model: modelName, system_prompt: "be brief" });
const fanOut = (...nodes: ReturnType<typeof llmNode>[]) => ({
  nodes: [textNode("t", "hello world"), ...nodes],
  edges: nodes.map((node) => edge("t", "text", node.id, "user_message")),
});
const STUB = { inputTokens: 4, outputTokens: 3, totalTokens: 7 };

describe(`usage and cost on ${testEngine}`, () => {
  it("each LLM node's usage is the stub's numbers, priced by the table, the override file, or not at all", async () => {
    const run = await runToEnd(
      h,
      fanOut(
        model("table", "groq", "llama-3.1-8b-instant"),
        model("override", "groq", "llama-3.3-70b-versatile"),
        model("local", "openai-compatible", "stub-model"),
        model("unknown", "openai-compatible", "unpriced-model"),
      ),
    );
    expect(run.status).toBe("COMPLETED");
    const nodes = byNodeId(run.nodeResults as { nodeId: string; usage: any; meta: any }[]);
    expect(nodes.table.usage).toEqual({ ...STUB, costUsd: expect.closeTo((4 * 0.05 + 3 * 0.08) / 1e6, 15) });
    expect(nodes.override.usage).toEqual({ ...STUB, costUsd: expect.closeTo((4 * 100 + 3 * 200) / 1e6, 15) });
    expect(nodes.local.usage).toEqual({ ...STUB, costUsd: expect.closeTo((4 * 2 + 3 * 8) / 1e6, 15) });
    // No price anywhere: the cost is unknown, never 0.
    expect(nodes.unknown.usage).toEqual({ ...STUB, costUsd: null });
    expect(nodes.t.usage).toBeNull();
    // The details stay in meta.
    expect(nodes.local.meta.usage).toMatchObject({ ...STUB, costUsd: nodes.local.usage.costUsd });
    // One unknown cost makes the run's cost unknown; its tokens still add up.
    expect(run.usage).toEqual({ inputTokens: 16, outputTokens: 12, totalTokens: 28, costUsd: null });

    const priced = await runToEnd(h, fanOut(model("table", "groq", "llama-3.1-8b-instant"), model("local", "openai-compatible", "stub-model")));
    expect(priced.usage).toEqual({ inputTokens: 8, outputTokens: 6, totalTokens: 14, costUsd: expect.closeTo((4 * 0.05 + 3 * 0.08 + 4 * 2 + 3 * 8) / 1e6, 15) });
  });

  it("keeps cached and reasoning tokens where the provider reports them, and prices cached input as the table says", async () => {
    h.stub.setBehavior(() => ({ usage: { promptTokens: 100, outputTokens: 20, cachedTokens: 40, reasoningTokens: 10 } }));
    try {
      const run = await runToEnd(h, fanOut(model("gemini", "google", "gemini-2.5-flash"), model("local", "openai-compatible", "stub-model")));
      const nodes = byNodeId(run.nodeResults as { nodeId: string; usage: any; meta: any }[]);
      // Gemini: thoughts are output tokens; 40 of the 100 input tokens came from the cache, at its cached price.
      expect(nodes.gemini.usage).toEqual({ inputTokens: 100, outputTokens: 30, totalTokens: 130, costUsd: expect.closeTo((60 * 0.3 + 40 * 0.075 + 30 * 2.5) / 1e6, 15) });
      expect(nodes.gemini.meta.usage).toMatchObject({ cachedInputTokens: 40, reasoningTokens: 10 });
      // OpenAI's format: completion tokens include reasoning; without a cached price, cached input is priced as input.
      expect(nodes.local.usage).toEqual({ inputTokens: 100, outputTokens: 30, totalTokens: 130, costUsd: expect.closeTo((100 * 2 + 30 * 8) / 1e6, 15) });
      expect(nodes.local.meta.usage).toMatchObject({ cachedInputTokens: 40, reasoningTokens: 10 });
    } finally {
      h.stub.setBehavior();
    }
  });

  it("carries usage on the live stream's node and run events, and in the run list", async () => {
    h.stub.setBehavior(() => ({ delayMs: 200 }));
    try {
      const started = await startRun(h, fanOut(model("local", "openai-compatible", "stub-model")));
      const runId = started.json!.runId as string;
      const received = await readRunEvents(h, runId);
      const lastNode = received.filter((e) => e.event === "node" && e.data.nodeId === "local").at(-1)!;
      expect(lastNode.data).toMatchObject({ status: "SUCCESS", usage: { ...STUB, costUsd: expect.any(Number) } });
      const lastRun = received.filter((e) => e.event === "run").at(-1)!;
      expect(lastRun.data).toMatchObject({ status: "COMPLETED", usage: { ...STUB, costUsd: lastNode.data.usage.costUsd }, errorCode: null });

      const list = await callRoute(listRuns, "/api/runs?limit=5", { headers: h.alice.headers });
      const item = (list.json!.runs as any[]).find((r) => r.id === runId);
      expect(item.usage).toEqual(lastRun.data.usage);
      expect(byNodeId(item.nodeResults as { nodeId: string; usage: unknown }[]).local.usage).toEqual(lastNode.data.usage);
    } finally {
      h.stub.setBehavior();
    }
  });

  it("a run with no model call has no usage; a reused result costs nothing now; failed and canceled runs count what they spent", async () => {
    const plain = await runToEnd(h, { nodes: [textNode("t", "x")], edges: [] });
    expect(plain.usage).toBeNull();

    const workflow = await insertWorkflow(h.t.handle.db, h.alice.user.id, {
      nodes: [textNode("t", "hello world"), model("up", "openai-compatible", "stub-model"), model("down", "openai-compatible", "stub-model")],
      edges: [edge("t", "text", "up", "user_message"), edge("up", "output", "down", "user_message")],
    });
    const full = await runToEnd(h, { workflowId: workflow.id });
    expect(full.usage.totalTokens).toBe(7 + 9); // down reads "be brief" and "stub: hello world": 5 words in, 4 out
    const partial = await runToEnd(h, { workflowId: workflow.id, nodeIds: ["down"] });
    const partialNodes = byNodeId(partial.nodeResults as { nodeId: string; cached: boolean; usage: unknown }[]);
    expect(partialNodes.up).toMatchObject({ cached: true, usage: null });
    expect(partial.usage).toEqual(byNodeId(full.nodeResults as { nodeId: string; usage: unknown }[]).down.usage);

    h.stub.setBehavior((req) => (req.userMessage === "boom" ? { status: 400, errorMessage: "bad prompt" } : undefined));
    try {
      const failed = await runToEnd(h, {
        nodes: [textNode("t", "hello world"), model("ok", "openai-compatible", "stub-model"), llmNode("bad", { user_message: "boom" })],
        edges: [edge("t", "text", "ok", "user_message")],
      });
      expect(failed.status).toBe("FAILED");
      expect(failed.errorCode).toBeNull();
      expect(failed.usage).toEqual(byNodeId(failed.nodeResults as { nodeId: string; usage: unknown }[]).ok.usage);
      expect(failed.usage.totalTokens).toBe(7);
    } finally {
      h.stub.setBehavior();
    }

    h.stub.setBehavior((req) => (req.userMessage === "slow" ? { delayMs: 20_000 } : undefined));
    try {
      const started = await startRun(h, {
        nodes: [textNode("t", "hello world"), model("quick", "openai-compatible", "stub-model"), llmNode("slow", { user_message: "slow" })],
        edges: [edge("t", "text", "quick", "user_message")],
      });
      const runId = started.json!.runId as string;
      await h.stub.waitFor((requests) => requests.some((r) => r.userMessage === "slow") && requests.some((r) => r.userMessage === "hello world" && r.status === 200), 10_000);
      await sleep(200); // quick's result is written
      await callRoute(cancel, `/api/execute/${runId}/cancel`, { method: "POST", headers: h.alice.headers, params: { runId } });
      expect(await waitForRunEnd(runId, 5_000)).toBe(true);
      await sleep(300); // the worker's last write (outputs and usage) lands after the cancel
      const [row] = await h.t.handle.db.select().from(workflowRuns).where(eq(workflowRuns.id, runId));
      expect(row.status).toBe("CANCELED");
      expect(row.usage).toMatchObject({ ...STUB, costUsd: expect.any(Number) });
    } finally {
      h.stub.setBehavior();
    }
  });

  it("sums a workflow's runs of the last 30 days, on the workflow and in the list", async () => {
    const workflow = await insertWorkflow(h.t.handle.db, h.alice.user.id, {
      name: "Usage over 30 days",
      nodes: [textNode("t", "hello world"), model("a", "openai-compatible", "stub-model")],
      edges: [edge("t", "text", "a", "user_message")],
    });
    const one = await runToEnd(h, { workflowId: workflow.id });
    await runToEnd(h, { workflowId: workflow.id });
    await runToEnd(h, { workflowId: workflow.id, nodes: [textNode("t", "no model call")], edges: [] });
    const old = await runToEnd(h, { workflowId: workflow.id });
    await h.t.handle.db
      .update(workflowRuns)
      .set({ createdAt: sql`now() - interval '31 days'` })
      .where(eq(workflowRuns.id, old.id));

    const cost = one.usage.costUsd as number;
    const expected = { runs: 2, inputTokens: 8, outputTokens: 6, totalTokens: 14, costUsd: expect.closeTo(2 * cost, 15) };
    const got = await callRoute(getWorkflow, `/api/workflows/${workflow.id}`, { headers: h.alice.headers, params: { id: workflow.id } });
    expect(got.json!.workflow.usage30d).toEqual(expected);
    const history = got.json!.workflow.runs as { id: string; usage: unknown }[];
    expect(history.find((r) => r.id === one.id)!.usage).toEqual(one.usage);
    const list = await callRoute(listWorkflows, "/api/workflows?q=Usage", { headers: h.alice.headers });
    const summary = (list.json!.workflows as any[]).find((w) => w.id === workflow.id);
    expect(summary.usage30d).toEqual(expected);

    // An unknown price in the window makes the total's cost unknown; a workflow without model calls has none.
    await runToEnd(h, { workflowId: workflow.id, nodes: [textNode("t", "hello world"), model("u", "openai-compatible", "unpriced-model")], edges: [edge("t", "text", "u", "user_message")] });
    const after = await callRoute(getWorkflow, `/api/workflows/${workflow.id}`, { headers: h.alice.headers, params: { id: workflow.id } });
    expect(after.json!.workflow.usage30d).toEqual({ runs: 3, inputTokens: 12, outputTokens: 9, totalTokens: 21, costUsd: null });
    const empty = await insertWorkflow(h.t.handle.db, h.alice.user.id, { nodes: [], edges: [] });
    const none = await callRoute(getWorkflow, `/api/workflows/${empty.id}`, { headers: h.alice.headers, params: { id: empty.id } });
    expect(none.json!.workflow.usage30d).toBeNull();
  });
});
