import { describe, expect, it } from "vitest";
import { budgetText, formatCount, formatTokens, formatUsage, formatUsd } from "./format";

describe("usage formats", () => {
  it("writes token counts with thousands separators", () => {
    expect(formatTokens(1234)).toBe("1,234 tokens");
    expect(formatTokens(1)).toBe("1 token");
    expect(formatTokens(null)).toBe("tokens unknown");
    expect(formatCount(1_234_567)).toBe("1,234,567");
  });

  it("writes small dollar amounts with enough digits, and unknown as unknown", () => {
    expect(formatUsd(0.0012345)).toBe("$0.0012");
    expect(formatUsd(0.0123)).toBe("$0.012");
    expect(formatUsd(0.5)).toBe("$0.50");
    expect(formatUsd(0.1)).toBe("$0.10");
    expect(formatUsd(1234.5)).toBe("$1,234.50");
    expect(formatUsd(0.00004)).toBe("< $0.0001");
    expect(formatUsd(0)).toBe("$0");
    expect(formatUsd(null)).toBe("cost unknown");
  });

  it("puts both together", () => {
    expect(formatUsage({ totalTokens: 1234, costUsd: 0.0012 })).toBe("1,234 tokens · $0.0012");
    expect(formatUsage({ totalTokens: 12, costUsd: null })).toBe("12 tokens · cost unknown");
  });
});

describe("budgetText", () => {
  it("names the caps, or says there is none", () => {
    expect(budgetText({ maxTokens: 10_000, maxCostUsd: 0.5 })).toBe("10,000 tokens or $0.50 per run");
    expect(budgetText({ maxCostUsd: 2 })).toBe("$2.00 per run");
    expect(budgetText({})).toBe("no cap");
    expect(budgetText(undefined)).toBe("no cap");
  });
});
