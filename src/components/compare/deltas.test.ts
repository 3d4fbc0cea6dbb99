import { describe, expect, it } from "vitest";
import { costDelta, durationDelta, tokenDelta, usedCost, usedTokens } from "./deltas";

describe("deltas of run B against run A", () => {
  it("time: signed, with a percentage of A", () => {
    expect(durationDelta(1000, 1400)).toEqual({ text: "+400 ms (+40%)", direction: "up" });
    expect(durationDelta(2000, 1500)).toEqual({ text: "−500 ms (−25%)", direction: "down" });
    expect(durationDelta(800, 800)).toEqual({ text: "±0", direction: "none" });
    expect(durationDelta(0, 1200)).toEqual({ text: "+1.2 s", direction: "up" });
    expect(durationDelta(null, 1200)).toBeNull();
  });

  it("tokens and cost: signed, unknown stays unknown", () => {
    expect(tokenDelta(1000, 2234)).toEqual({ text: "+1,234 tokens", direction: "up" });
    expect(tokenDelta(50, 20)).toEqual({ text: "−30 tokens", direction: "down" });
    expect(tokenDelta(null, 20)).toBeNull();
    expect(costDelta(0.001, 0.0023)).toEqual({ text: "+$0.0013", direction: "up" });
    expect(costDelta(0.3, 0.1 + 0.2)).toEqual({ text: "±0", direction: "none" });
    // Below what the dollar format shows (< $0.0001), still a number.
    expect(costDelta(0.000018, 0.000022)).toEqual({ text: "+$0.000004", direction: "up" });
    expect(costDelta(0.0000101, 0.00001)).toEqual({ text: "−$0.0000001", direction: "down" });
    expect(costDelta(0.5, null)).toBeNull();
  });

  it("no usage means no model call: zero, not unknown", () => {
    expect(usedTokens(null)).toBe(0);
    expect(usedCost(null)).toBe(0);
    const usage = { inputTokens: 1, outputTokens: 2, totalTokens: 3, costUsd: null };
    expect(usedTokens(usage)).toBe(3);
    expect(usedCost(usage)).toBeNull();
  });
});
