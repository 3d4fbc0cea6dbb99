/**
 * The daily budget (`GALAXY_DAILY_BUDGET_USD`): what a user's model calls cost per UTC day,
 * across runs, in `daily_usage`; once the first run spent it, the second run's calls do not start.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { dailyUsage } from "@/server/db/schema";
import { edge, llmNode, startRunHarness, textNode, type RunHarness } from "../helpers/run-harness";
import { testEngine } from "../helpers/test-database";
import { byNodeId, pointProvidersAt, runToEnd, writePricesFile } from "./usage-kit";

let h: RunHarness;
beforeAll(async () => {
  h = await startRunHarness();
  pointProvidersAt(h, {
    GALAXY_DAILY_BUDGET_USD: "0.0001",
    // $10 per million tokens: the stub's 10 tokens below cost $0.0001.
    GALAXY_PRICES_FILE: writePricesFile({ "openai-compatible/stub-model": { inputPerMillion: 10, outputPerMillion: 10 } }),
  });
});
afterAll(async () => {
  await h?.close();
});

// "hi" ≈ 1 token + maxTokens 5: held at $0.00006 before the call.
const graph = () => ({ nodes: [textNode("t", "hi"), llmNode("ask", { maxTokens: 5 })], edges: [edge("t", "text", "ask", "user_message")] });

describe(`the daily budget on ${testEngine}`, () => {
  it("stops a second run once the first spent the day's budget", async () => {
    h.stub.setBehavior(() => ({ usage: { promptTokens: 5, outputTokens: 5 } }));
    try {
      const first = await runToEnd(h, graph());
      expect(first).toMatchObject({ status: "COMPLETED", usage: { totalTokens: 10, costUsd: expect.closeTo(0.0001, 12) } });
      const [day] = await h.t.handle.db.select().from(dailyUsage).where(eq(dailyUsage.userId, h.alice.user.id));
      expect(day).toMatchObject({ tokens: 10, calls: 1, unpricedCalls: 0, costUsd: expect.closeTo(0.0001, 12) });
      expect(day.day).toBe(new Date().toISOString().slice(0, 10));

      const calls = h.stub.calls();
      const second = await runToEnd(h, graph());
      expect(h.stub.calls()).toBe(calls);
      expect(second).toMatchObject({
        status: "FAILED",
        errorCode: "BUDGET_EXCEEDED",
        errorMessage: "daily budget reached: $0.0001 of $0.0001 used today (UTC)",
        usage: null,
      });
      expect(byNodeId(second.nodeResults as { nodeId: string; status: string; error: string }[]).ask).toMatchObject({
        status: "SKIPPED",
        error: "not started: daily budget reached: $0.0001 of $0.0001 used today (UTC), and this call could cost up to $0.00006",
      });

      // Another user's day is their own.
      const bobs = await runToEnd(h, graph(), h.bob.headers);
      expect(bobs.status).toBe("COMPLETED");
    } finally {
      h.stub.setBehavior();
    }
  });

  it("refuses a model without a price: the daily budget could not be enforced", async () => {
    const run = await runToEnd(h, { nodes: [llmNode("free", { model: "unpriced-model" })], edges: [] }, h.bob.headers);
    expect(run.status).toBe("FAILED");
    expect(byNodeId(run.nodeResults as { nodeId: string; error: string }[]).free.error).toMatch(
      /^cannot enforce the daily budget \(GALAXY_DAILY_BUDGET_USD\): no price is known for openai-compatible\/unpriced-model\. Add its price/,
    );
  });
});
