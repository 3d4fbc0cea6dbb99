import { describe, expect, it } from "vitest";
import { readBudgetForm } from "./budget-form";

describe("readBudgetForm", () => {
  it("reads caps written for people, and empty fields as no cap", () => {
    expect(readBudgetForm({ maxTokens: " 12,000 ", maxCostUsd: "$0.25" })).toEqual({ budget: { maxTokens: 12_000, maxCostUsd: 0.25 } });
    expect(readBudgetForm({ maxTokens: "", maxCostUsd: "" })).toEqual({ budget: {} });
  });

  it("says what is wrong with each field", () => {
    const read = readBudgetForm({ maxTokens: "1.5", maxCostUsd: "abc" });
    expect(read).toEqual({ errors: { maxTokens: "maxTokens must be a whole number of tokens", maxCostUsd: "enter a number, or leave it empty for no cap" } });
    expect(readBudgetForm({ maxTokens: "0", maxCostUsd: "-1" })).toEqual({
      errors: { maxTokens: "maxTokens must be at least 1", maxCostUsd: "maxCostUsd must be more than 0" },
    });
  });
});
