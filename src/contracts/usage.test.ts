import { describe, expect, it } from "vitest";
import { ZBudget, sumUsage } from "./usage";

describe("sumUsage", () => {
  it("adds every field; parts without usage are left out; nothing to add is null", () => {
    expect(
      sumUsage([
        { inputTokens: 3, outputTokens: 4, totalTokens: 7, costUsd: 0.1 },
        null,
        { inputTokens: 10, outputTokens: 1, totalTokens: 11, costUsd: 0.2 },
      ]),
    ).toEqual({ inputTokens: 13, outputTokens: 5, totalTokens: 18, costUsd: 0.3 });
    expect(sumUsage([])).toBeNull();
    expect(sumUsage([null, undefined])).toBeNull();
  });

  it("a field any part does not know is null in the sum (a cost never becomes a partial 0)", () => {
    expect(
      sumUsage([
        { inputTokens: 3, outputTokens: 4, totalTokens: 7, costUsd: 0.1 },
        { inputTokens: 1, outputTokens: null, totalTokens: null, costUsd: null },
      ]),
    ).toEqual({ inputTokens: 4, outputTokens: null, totalTokens: null, costUsd: null });
  });
});

describe("ZBudget", () => {
  it("takes either cap, and says which field is wrong", () => {
    expect(ZBudget.parse({})).toEqual({});
    expect(ZBudget.parse({ maxTokens: 1000, maxCostUsd: 0.5 })).toEqual({ maxTokens: 1000, maxCostUsd: 0.5 });
    const bad = ZBudget.safeParse({ maxTokens: 1.5, maxCostUsd: 0 });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["maxTokens", "maxTokens must be a whole number of tokens"],
      ["maxCostUsd", "maxCostUsd must be more than 0"],
    ]);
    expect(ZBudget.safeParse({ maxToken: 5 }).success).toBe(false);
  });
});
