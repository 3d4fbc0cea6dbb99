import { describe, expect, it } from "vitest";
import { formatTokens, formatUsd, runStopMessage, stopReason } from "./budget-messages";

describe("budget amounts in words", () => {
  it("writes dollars with cents, and small amounts to two significant digits", () => {
    expect(formatUsd(0)).toBe("$0");
    expect(formatUsd(2.5)).toBe("$2.50");
    expect(formatUsd(1234.567)).toBe("$1234.57");
    expect(formatUsd(0.5)).toBe("$0.50");
    expect(formatUsd(0.025)).toBe("$0.025");
    expect(formatUsd(0.01)).toBe("$0.01");
    expect(formatUsd(0.0001)).toBe("$0.0001");
    expect(formatUsd(0.00103244)).toBe("$0.001");
    expect(formatUsd(4.4e-7)).toBe("$0.00000044");
  });

  it("writes tokens with thousands separators", () => {
    expect(formatTokens(1204)).toBe("1,204");
    expect(formatTokens(35)).toBe("35");
  });

  it("names the cap and the amount used", () => {
    expect(runStopMessage("tokens", 1204, 1000)).toBe("budget reached: 1,204 of 1,000 tokens used");
    expect(runStopMessage("cost", 0.01, 0.025, "the next call did not fit")).toBe("budget reached: $0.01 of $0.025 used; the next call did not fit");
    expect(runStopMessage("daily", 5.01, 5)).toBe("daily budget reached: $5.01 of $5.00 used today (UTC)");
    expect(stopReason("tokens", 1000)).toBe("token budget of 1,000 reached");
    expect(stopReason("daily", 5)).toBe("daily budget of $5.00 reached (GALAXY_DAILY_BUDGET_USD)");
  });
});
