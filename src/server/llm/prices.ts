/**
 * What a model call costs: the built-in price table (US dollars per million tokens, per
 * provider and model), the operator's overrides from `GALAXY_PRICES_FILE` (they win), and the
 * cost of a call's usage. A model in neither has no price: its cost is null ("cost unknown"),
 * never 0. Local OpenAI-compatible servers have no built-in price; give one (0 for a free
 * local model) in the override file.
 *
 * The table below was copied from the providers' public pricing pages as they stood in
 * mid-2025 (standard paid tier, text input, prompts under 200k tokens). It could NOT be
 * re-checked online from the machine it was written on (offline, 2026-12-03): check the
 * sources before relying on it, and correct it through GALAXY_PRICES_FILE.
 */
import "server-only";
import { roundCost } from "@/contracts/usage";
import type { LlmProvider } from "@/nodes/llm/definition";
import { env } from "../env";
import type { TPriceOverrides } from "./prices-file";

export interface TokenPrice {
  inputPerMillion: number;
  outputPerMillion: number;
  /** Input tokens read from the provider's cache; priced as input when absent. */
  cachedInputPerMillion?: number;
}

interface PriceEntry extends TokenPrice {
  provider: LlmProvider;
  model: string;
  /** When the figure was taken from `source` (not re-checked since). */
  asOf: string;
  source: string;
}

const GOOGLE = "https://ai.google.dev/gemini-api/docs/pricing";
const GROQ = "https://groq.com/pricing";
const MID_2025 = "2025-06 (not re-checked: offline)";

export const BUILT_IN_PRICES: readonly PriceEntry[] = [
  { provider: "google", model: "gemini-2.5-pro", inputPerMillion: 1.25, outputPerMillion: 10, cachedInputPerMillion: 0.31, asOf: MID_2025, source: GOOGLE },
  { provider: "google", model: "gemini-2.5-flash", inputPerMillion: 0.3, outputPerMillion: 2.5, cachedInputPerMillion: 0.075, asOf: MID_2025, source: GOOGLE },
  { provider: "google", model: "gemini-2.5-flash-lite", inputPerMillion: 0.1, outputPerMillion: 0.4, cachedInputPerMillion: 0.025, asOf: MID_2025, source: GOOGLE },
  { provider: "google", model: "gemini-2.0-flash", inputPerMillion: 0.1, outputPerMillion: 0.4, cachedInputPerMillion: 0.025, asOf: MID_2025, source: GOOGLE },
  { provider: "google", model: "gemini-2.0-flash-lite", inputPerMillion: 0.075, outputPerMillion: 0.3, asOf: MID_2025, source: GOOGLE },
  { provider: "groq", model: "llama-3.3-70b-versatile", inputPerMillion: 0.59, outputPerMillion: 0.79, asOf: MID_2025, source: GROQ },
  { provider: "groq", model: "llama-3.1-8b-instant", inputPerMillion: 0.05, outputPerMillion: 0.08, asOf: MID_2025, source: GROQ },
  { provider: "groq", model: "meta-llama/llama-4-scout-17b-16e-instruct", inputPerMillion: 0.11, outputPerMillion: 0.34, asOf: MID_2025, source: GROQ },
  { provider: "groq", model: "meta-llama/llama-4-maverick-17b-128e-instruct", inputPerMillion: 0.2, outputPerMillion: 0.6, asOf: MID_2025, source: GROQ },
];

const builtIn = new Map(BUILT_IN_PRICES.map((entry) => [priceKey(entry.provider, entry.model), entry]));

/** `google/gemini-2.5-flash`: the key of the table and of the override file. */
export function priceKey(provider: LlmProvider, model: string): string {
  return `${provider}/${model.trim()}`;
}

/**
 * The price of a model, the override file's first; null when neither knows it.
 * @example findPrice("groq", "llama-3.1-8b-instant"); // { inputPerMillion: 0.05, outputPerMillion: 0.08, … }
 */
export function findPrice(
  provider: LlmProvider,
  model: string,
  overrides: TPriceOverrides | undefined = env().GALAXY_PRICES_FILE?.prices,
): TokenPrice | null {
  const key = priceKey(provider, model);
  return overrides?.[key] ?? builtIn.get(key) ?? null;
}

export interface TokenCounts {
  inputTokens: number | null;
  outputTokens: number | null;
  /** Part of `inputTokens` read from the provider's cache, when it says. */
  cachedInputTokens?: number | null;
}

/** USD for these tokens at this price (to 10 decimal places); null when the price or a count is unknown. */
export function costOf(tokens: TokenCounts, price: TokenPrice | null): number | null {
  if (!price || tokens.inputTokens === null || tokens.outputTokens === null) return null;
  const cached = price.cachedInputPerMillion === undefined ? 0 : Math.min(tokens.cachedInputTokens ?? 0, tokens.inputTokens);
  const input = (tokens.inputTokens - cached) * price.inputPerMillion + cached * (price.cachedInputPerMillion ?? 0);
  return roundCost((input + tokens.outputTokens * price.outputPerMillion) / 1_000_000);
}
