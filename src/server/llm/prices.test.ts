import { describe, expect, it } from "vitest";
import { BUILT_IN_PRICES, costOf, findPrice, priceKey } from "./prices";

describe("findPrice", () => {
  it("knows the built-in table, and the override file wins", () => {
    expect(findPrice("groq", "llama-3.1-8b-instant", undefined)).toMatchObject({ inputPerMillion: 0.05, outputPerMillion: 0.08 });
    const overrides = { "groq/llama-3.1-8b-instant": { inputPerMillion: 1, outputPerMillion: 2 } };
    expect(findPrice("groq", "llama-3.1-8b-instant", overrides)).toEqual({ inputPerMillion: 1, outputPerMillion: 2 });
    expect(findPrice("openai-compatible", "llama3.2", { "openai-compatible/llama3.2": { inputPerMillion: 0, outputPerMillion: 0 } })).toEqual({
      inputPerMillion: 0,
      outputPerMillion: 0,
    });
  });

  it("has no price for a model in neither: null, never 0", () => {
    expect(findPrice("openai-compatible", "llama3.2", undefined)).toBeNull();
    expect(findPrice("google", "gemini-9-ultra", {})).toBeNull();
  });

  it("every built-in entry says when and where its figure came from", () => {
    const keys = BUILT_IN_PRICES.map((entry) => priceKey(entry.provider, entry.model));
    expect(new Set(keys).size).toBe(keys.length);
    for (const entry of BUILT_IN_PRICES) {
      expect(entry.source).toMatch(/^https:\/\//);
      expect(entry.asOf).toMatch(/^\d{4}-\d{2}/);
      expect(entry.inputPerMillion).toBeGreaterThanOrEqual(0);
      expect(entry.outputPerMillion).toBeGreaterThanOrEqual(0);
    }
  });
});

describe("costOf", () => {
  const price = { inputPerMillion: 0.3, outputPerMillion: 2.5 };

  it("prices input and output tokens per million", () => {
    expect(costOf({ inputTokens: 1_000_000, outputTokens: 2_000_000 }, price)).toBeCloseTo(5.3, 10);
    expect(costOf({ inputTokens: 8, outputTokens: 5 }, price)).toBeCloseTo((8 * 0.3 + 5 * 2.5) / 1e6, 12);
  });

  it("prices cached input tokens as input unless the table gives a cached price", () => {
    expect(costOf({ inputTokens: 1_000_000, outputTokens: 0, cachedInputTokens: 400_000 }, price)).toBeCloseTo(0.3, 10);
    const cachedPrice = { ...price, cachedInputPerMillion: 0.075 };
    expect(costOf({ inputTokens: 1_000_000, outputTokens: 0, cachedInputTokens: 400_000 }, cachedPrice)).toBeCloseTo(0.6 * 0.3 + 0.4 * 0.075, 10);
  });

  it("is null when the price or a count is unknown", () => {
    expect(costOf({ inputTokens: 1, outputTokens: 1 }, null)).toBeNull();
    expect(costOf({ inputTokens: null, outputTokens: 1 }, price)).toBeNull();
    expect(costOf({ inputTokens: 1, outputTokens: null }, price)).toBeNull();
  });
});
