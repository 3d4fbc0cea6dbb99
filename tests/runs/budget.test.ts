/**
 * Run budgets (DESIGN §9), through the real AI SDK clients against the model stub: a token or
 * cost cap stops a run — the nodes not yet run end SKIPPED, calls in flight finish and are
 * recorded, the run ends FAILED with BUDGET_EXCEEDED and the amounts in words — and no more
 * model calls start than the budget allows (counted at the stub).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertWorkflow } from "../helpers/fixtures";
import { edge, llmNode, startRunHarness, textNode, type RunHarness } from "../helpers/run-harness";
import { testEngine } from "../helpers/test-database";
import { byNodeId, pointProvidersAt, runToEnd, startRun, writePricesFile } from "./usage-kit";

let h: RunHarness;
beforeAll(async () => {
  h = await startRunHarness();
  pointProvidersAt(h, { GALAXY_PRICES_FILE: writePricesFile({ "openai-compatible/stub-model": { inputPerMillion: 1000, outputPerMillion: 1000 } }) });
});
afterAll(async () => {
  await h?.close();
});

interface NodeResult {
  nodeId: string;
  status: string;
  error: string | null;
  usage: { totalTokens: number; costUsd: number | null } | null;
}

/**
 * text → llm-1 … llm-n. Each call: "branch i" + "hello" in (3 tokens at the stub, about 4 by
 * the estimate of characters / 4), "stub: hello" out (2), with maxTokens 6: estimated at 10.
 */
function fanOut(n: number, data: Record<string, unknown> = { maxTokens: 6 }) {
  const nodes = [textNode("t", "hello")];
  const edges = [];
  for (let i = 1; i <= n; i++) {
    nodes.push(llmNode(`llm-${i}`, { system_prompt: `branch ${i}`, ...data }));
    edges.push(edge("t", "text", `llm-${i}`, "user_message"));
  }
  return { nodes, edges };
}

describe(`run budgets on ${testEngine}`, () => {
  it("a budget of N tokens stops a 10-branch fan-out: no more calls than fit, the rest SKIPPED, FAILED with BUDGET_EXCEEDED", async () => {
    // Slow answers: every branch asks for its call before the first one ends.
    h.stub.setBehavior(() => ({ delayMs: 300 }));
    const before = h.stub.calls();
    try {
      const run = await runToEnd(h, { ...fanOut(10), budget: { maxTokens: 35 } });
      // 10 + 10 + 10 held fit in 35; a fourth would not.
      expect(h.stub.calls() - before).toBe(3);
      expect(run).toMatchObject({ status: "FAILED", errorCode: "BUDGET_EXCEEDED", budget: { maxTokens: 35 } });
      expect(run.errorMessage).toMatch(/^budget reached: 15 of 35 tokens used; the next model call \(node "llm-\d+", up to 10 tokens\) did not fit in what was left$/);
      const results = run.nodeResults as NodeResult[];
      const succeeded = results.filter((r) => r.status === "SUCCESS" && r.nodeId !== "t");
      const skipped = results.filter((r) => r.status === "SKIPPED");
      expect(succeeded).toHaveLength(3);
      expect(skipped).toHaveLength(7);
      // The calls in flight when the budget was reached finished and were recorded.
      for (const r of succeeded) expect(r.usage).toMatchObject({ totalTokens: 5 });
      expect(run.usage).toMatchObject({ inputTokens: 9, outputTokens: 6, totalTokens: 15 });
      // The node that was stopped says why; the others say the budget was reached.
      const stopped = skipped.filter((r) => r.error?.startsWith("not started: budget reached"));
      expect(stopped).toHaveLength(1);
      expect(stopped[0].error).toBe("not started: budget reached: this call could use up to 10 tokens and 5 of the 35 are left (0 used, 30 held by calls in flight)");
      for (const r of skipped.filter((s) => s !== stopped[0])) expect(r.error).toMatch(/token budget of 35 reached$/);
    } finally {
      h.stub.setBehavior();
    }
  });

  it("a call that goes over the cap stops the run after it: its usage counts, nothing more starts", async () => {
    h.stub.setBehavior(() => ({ usage: { promptTokens: 1_000, outputTokens: 204 } }));
    const before = h.stub.calls();
    try {
      const run = await runToEnd(h, {
        nodes: [llmNode("first", { user_message: "go", maxTokens: 10 }), llmNode("second", { maxTokens: 10 })],
        edges: [edge("first", "output", "second", "user_message")],
        budget: { maxTokens: 1_000 },
      });
      expect(h.stub.calls() - before).toBe(1);
      expect(run).toMatchObject({ status: "FAILED", errorCode: "BUDGET_EXCEEDED", errorMessage: "budget reached: 1,204 of 1,000 tokens used" });
      const nodes = byNodeId(run.nodeResults as NodeResult[]);
      expect(nodes.first).toMatchObject({ status: "SUCCESS", usage: { totalTokens: 1_204 } });
      expect(nodes.second).toMatchObject({ status: "SKIPPED", error: "skipped: token budget of 1,000 reached" });
    } finally {
      h.stub.setBehavior();
    }
  });

  it("a node whose maxTokens alone is more than what is left is not started", async () => {
    const before = h.stub.calls();
    const run = await runToEnd(h, { nodes: [llmNode("big", { maxTokens: 100 })], edges: [], budget: { maxTokens: 50 } });
    expect(h.stub.calls() - before).toBe(0);
    expect(run).toMatchObject({
      status: "FAILED",
      errorCode: "BUDGET_EXCEEDED",
      errorMessage: 'budget reached: 0 of 50 tokens used; node "big" asks for up to 100 output tokens (maxTokens), more than the 50 left',
      usage: null,
    });
    expect(byNodeId(run.nodeResults as NodeResult[]).big).toMatchObject({
      status: "SKIPPED",
      error: "not started: its maxTokens (100) alone is more than the 50 tokens left of the budget (50)",
    });
  });

  it("a cost cap stops the run by the price table; with an unknown price it refuses the call and says how to fix it", async () => {
    // At $1,000 per million tokens: 10 tokens held per call = $0.01, 5 used = $0.005.
    h.stub.setBehavior(() => ({ delayMs: 300 }));
    const before = h.stub.calls();
    try {
      const run = await runToEnd(h, { ...fanOut(4), budget: { maxCostUsd: 0.025 } });
      expect(h.stub.calls() - before).toBe(2);
      expect(run).toMatchObject({ status: "FAILED", errorCode: "BUDGET_EXCEEDED" });
      expect(run.errorMessage).toMatch(/^budget reached: \$0\.01 of \$0\.025 used; the next model call \(node "llm-\d", up to \$0\.01\) did not fit in what was left$/);
      expect(run.usage.costUsd).toBeCloseTo(0.01, 10);
    } finally {
      h.stub.setBehavior();
    }

    const unpriced = await runToEnd(h, {
      nodes: [llmNode("free", { model: "unpriced-model" }), llmNode("priced", { maxTokens: 6 })],
      edges: [],
      budget: { maxCostUsd: 1 },
    });
    expect(unpriced).toMatchObject({ status: "FAILED", errorCode: null });
    const nodes = byNodeId(unpriced.nodeResults as NodeResult[]);
    expect(nodes.free).toMatchObject({
      status: "FAILED",
      error:
        "cannot enforce the cost budget: no price is known for openai-compatible/unpriced-model. Add its price to the file named by GALAXY_PRICES_FILE, or use a token budget (maxTokens) instead",
    });
    expect(nodes.priced.status).toBe("SUCCESS");
  });

  it("the workflow's default budget applies when the request has none, and the request's replaces it", async () => {
    const workflow = await insertWorkflow(h.t.handle.db, h.alice.user.id, {
      ...fanOut(1, { maxTokens: 100 }),
      settings: { budget: { maxTokens: 50 } },
    });
    const byDefault = await runToEnd(h, { workflowId: workflow.id });
    expect(byDefault).toMatchObject({ status: "FAILED", errorCode: "BUDGET_EXCEEDED", budget: { maxTokens: 50 } });

    const wider = await runToEnd(h, { workflowId: workflow.id, budget: { maxTokens: 500 } });
    expect(wider).toMatchObject({ status: "COMPLETED", errorCode: null, budget: { maxTokens: 500 } });
    const none = await runToEnd(h, { workflowId: workflow.id, budget: {} });
    expect(none).toMatchObject({ status: "COMPLETED", budget: {} });
    // The editor's form: its current graph with the workflow's id still gets the workflow's default.
    const live = await runToEnd(h, { workflowId: workflow.id, ...fanOut(1, { maxTokens: 100 }) });
    expect(live).toMatchObject({ status: "FAILED", errorCode: "BUDGET_EXCEEDED" });
  });

  it("answers 400 naming the budget field that is wrong", async () => {
    const cases: [unknown, string][] = [
      [{ maxTokens: 0 }, "budget.maxTokens"],
      [{ maxTokens: 2.5 }, "budget.maxTokens"],
      [{ maxCostUsd: -1 }, "budget.maxCostUsd"],
      [{ maxCostUsd: "5" }, "budget.maxCostUsd"],
      [{ maxTokenz: 5 }, "budget"],
    ];
    for (const [budget, path] of cases) {
      const res = await startRun(h, { ...fanOut(1), budget });
      expect(res.status, JSON.stringify(budget)).toBe(400);
      expect(res.json).toMatchObject({ code: "VALIDATION_FAILED", issues: [expect.objectContaining({ path })] });
      expect(res.json!.error).toContain(path);
    }
  });
});
