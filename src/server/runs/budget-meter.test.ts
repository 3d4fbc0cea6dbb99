import { describe, expect, it, vi } from "vitest";
import { isRunStopError, type RunStopError } from "@/engine";
import type { TBudget, TUsage } from "@/contracts/usage";
import type { PlannedModelCall } from "@/nodes/types";
import type { DailyLedger } from "./budget-daily";
import { RunMeter } from "./budget-meter";

/** The daily ledger's contract in memory (the real one is `daily_usage`, tested in tests/runs). */
function memoryLedger(spent = 0): DailyLedger & { spent: number } {
  const ledger = {
    spent,
    spentToday: async () => ledger.spent,
    add: async (_userId: string, usage: TUsage) => (ledger.spent += usage.costUsd ?? 0),
  };
  return ledger;
}

function meter(budget: TBudget | null, extra: { dailyCapUsd?: number; daily?: DailyLedger; alreadyUsed?: TUsage } = {}) {
  const stops: RunStopError[] = [];
  const m = new RunMeter({ userId: `u-${Math.random()}`, budget, daily: extra.daily ?? memoryLedger(), onStop: (reason) => stops.push(reason), ...extra });
  return { m, stops };
}

const call = (extra: Partial<PlannedModelCall> = {}): PlannedModelCall => ({
  provider: "openai-compatible",
  model: "m",
  price: { inputPerMillion: 1_000_000, outputPerMillion: 1_000_000 }, // $1 a token: costs read as tokens
  promptTokens: 4,
  maxOutputTokens: 6,
  ...extra,
});
const usage = (tokens: number, costUsd: number | null = tokens): TUsage => ({ inputTokens: tokens, outputTokens: 0, totalTokens: tokens, costUsd });

async function refused(promise: Promise<unknown>): Promise<RunStopError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!isRunStopError(error)) throw new Error(`expected a RunStopError, got ${String(error)}`);
  return error;
}

describe("RunMeter", () => {
  it("names the node whose call did not fit as the canvas does, when given the names", async () => {
    const names: Record<string, string> = { c: '"Headline writer" (c)' };
    const m = new RunMeter({ userId: "u-names", budget: { maxTokens: 25 }, daily: memoryLedger(), onStop: () => undefined, nameOf: (id) => names[id] ?? JSON.stringify(id) });
    await m.forNode("a").reserve(call());
    await m.forNode("b").reserve(call());
    await refused(m.forNode("c").reserve(call()));
    expect(m.describeStop("token budget of 25 reached")).toContain('(node "Headline writer" (c), up to 10 tokens)');
  });

  it("holds each call at its estimate while in flight, so concurrent calls cannot pass the cap together", async () => {
    const { m, stops } = meter({ maxTokens: 25 });
    const a = await m.forNode("a").reserve(call());
    await m.forNode("b").reserve(call());
    const error = await refused(m.forNode("c").reserve(call()));
    expect(error.code).toBe("BUDGET_EXCEEDED");
    expect(error.message).toBe("not started: budget reached: this call could use up to 10 tokens and 5 of the 25 are left (0 used, 20 held by calls in flight)");
    expect(stops.map((s) => s.message)).toEqual(["token budget of 25 reached"]);
    // Once stopped, nothing else starts, even a call that would fit.
    await a.settle(usage(1));
    expect((await refused(m.forNode("d").reserve(call({ maxOutputTokens: 1 })))).message).toBe("not started: token budget of 25 reached");
    expect(m.describeStop('token budget of 25 reached; node "x" failed: y')).toBe(
      'budget reached: 1 of 25 tokens used; the next model call (node "c", up to 10 tokens) did not fit in what was left; node "x" failed: y',
    );
  });

  it("replaces the estimate with what the call used; sums a node's attempts; a call with no usage reported counts nothing", async () => {
    const { m, stops } = meter({ maxTokens: 30 });
    const first = await m.forNode("a").reserve(call());
    await first.settle(null); // failed before the provider said anything
    const second = await m.forNode("a").reserve(call());
    await second.settle(usage(3));
    await second.settle(usage(100)); // settling twice changes nothing
    const third = await m.forNode("a").reserve(call());
    await third.settle({ inputTokens: null, outputTokens: null, totalTokens: null, costUsd: null });
    expect(m.nodeUsage("a")).toEqual({ inputTokens: null, outputTokens: null, totalTokens: null, costUsd: null });
    expect(m.nodeUsage("b")).toBeNull();
    // 3 used, plus 10 for the call that reported no counts (its estimate): 17 left, room for one more.
    await m.forNode("b").reserve(call());
    await refused(m.forNode("c").reserve(call()));
    expect(stops).toHaveLength(1);
  });

  it("stops the run when a settled call reaches the cap, naming what it used", async () => {
    const { m, stops } = meter({ maxTokens: 1_000 });
    await (await m.forNode("a").reserve(call())).settle(usage(1_204));
    expect(stops.map((s) => s.message)).toEqual(["token budget of 1,000 reached"]);
    expect(m.describeStop("token budget of 1,000 reached")).toBe("budget reached: 1,204 of 1,000 tokens used");
  });

  it("counts what a resumed run used before", async () => {
    const { m } = meter({ maxTokens: 20 }, { alreadyUsed: usage(15) });
    const error = await refused(m.forNode("a").reserve(call({ maxOutputTokens: 6 })));
    expect(error.message).toBe("not started: its maxTokens (6) alone is more than the 5 tokens left of the budget (20)");
  });

  it("refuses a cost cap it cannot enforce: the model has no price", async () => {
    const { m, stops } = meter({ maxCostUsd: 1 });
    await expect(m.forNode("a").reserve(call({ price: null }))).rejects.toThrow(/^cannot enforce the cost budget: no price is known for openai-compatible\/m\. .*GALAXY_PRICES_FILE.*maxTokens/);
    expect(stops).toEqual([]);
    // Without a cost cap an unknown price is fine.
    await expect(meter({ maxTokens: 100 }).m.forNode("a").reserve(call({ price: null }))).resolves.toBeDefined();
  });

  it("the daily budget counts the day's spend in every process and this process's calls in flight", async () => {
    const daily = memoryLedger(10);
    const first = meter(null, { dailyCapUsd: 30, daily });
    const second = meter(null, { dailyCapUsd: 30, daily });
    // Each meter here is another user's run: they share the day's ledger, not their holds.
    const held = await first.m.forNode("a").reserve(call());
    await second.m.forNode("a").reserve(call());
    await held.settle(usage(12));
    expect(daily.spent).toBe(22);
    const error = await refused(first.m.forNode("b").reserve(call()));
    expect(error.message).toBe("not started: daily budget reached: $22.00 of $30.00 used today (UTC), and this call could cost up to $10.00");
    expect(first.m.describeStop("daily budget of $30.00 reached (GALAXY_DAILY_BUDGET_USD)")).toMatch(/^daily budget reached: \$22\.00 of \$30\.00 used today \(UTC\); /);
    await expect(meter(null, { dailyCapUsd: 30 }).m.forNode("a").reserve(call({ price: null }))).rejects.toThrow(/cannot enforce the daily budget/);
  });

  it("without a daily budget the ledger is neither read nor written (no query on the call's path)", async () => {
    const daily: DailyLedger = { spentToday: vi.fn(async () => 0), add: vi.fn(async () => 0) };
    const { m } = meter({ maxTokens: 10_000 }, { daily });
    await (await m.forNode("a").reserve(call())).settle(usage(3));
    expect(daily.spentToday).not.toHaveBeenCalled();
    expect(daily.add).not.toHaveBeenCalled();
    expect(m.nodeUsage("a")).toEqual(usage(3));
  });

  it("a failing daily ledger does not fail the call", async () => {
    const onLedgerError = vi.fn();
    const broken: DailyLedger = { spentToday: async () => 0, add: async () => Promise.reject(new Error("database gone")) };
    const m = new RunMeter({ userId: "u", budget: null, dailyCapUsd: 1_000, daily: broken, onStop: () => undefined, onLedgerError });
    await (await m.forNode("a").reserve(call())).settle(usage(3));
    expect(onLedgerError).toHaveBeenCalledWith(expect.objectContaining({ message: "database gone" }));
    expect(m.nodeUsage("a")).toEqual(usage(3));
  });
});
