/**
 * A model call's usage as Galaxy records it, from the AI SDK's: the API's four numbers
 * (`TUsage`, cost from the price table) and the details kept in the node's `meta.usage`
 * (cached input and reasoning tokens, when the provider reports them). Counts the provider
 * did not report stay null.
 */
import type { LanguageModelUsage } from "ai";
import type { TUsage } from "@/contracts/usage";
import { costOf, type TokenPrice } from "./prices";

export interface LlmUsageDetails extends TUsage {
  /** Of `inputTokens`, read from the provider's cache. */
  cachedInputTokens?: number;
  /** Of `outputTokens`, spent on reasoning ("thinking"); billed as output. */
  reasoningTokens?: number;
}

const count = (value: number | undefined): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);
const reported = (value: number | undefined): number | undefined => (typeof value === "number" && value > 0 ? value : undefined);

/**
 * @example
 * usageOfCall(result.usage, findPrice("groq", "llama-3.1-8b-instant"));
 * // { inputTokens: 8, outputTokens: 5, totalTokens: 13, costUsd: 0.0000008 }
 */
export function usageOfCall(usage: LanguageModelUsage | undefined, price: TokenPrice | null): LlmUsageDetails {
  const inputTokens = count(usage?.inputTokens);
  const outputTokens = count(usage?.outputTokens);
  const cachedInputTokens = reported(usage?.inputTokenDetails?.cacheReadTokens ?? usage?.cachedInputTokens);
  const reasoningTokens = reported(usage?.outputTokenDetails?.reasoningTokens ?? usage?.reasoningTokens);
  const totalTokens = count(usage?.totalTokens) ?? (inputTokens !== null && outputTokens !== null ? inputTokens + outputTokens : null);
  return {
    inputTokens,
    outputTokens,
    totalTokens,
    costUsd: costOf({ inputTokens, outputTokens, cachedInputTokens }, price),
    ...(cachedInputTokens !== undefined && { cachedInputTokens }),
    ...(reasoningTokens !== undefined && { reasoningTokens }),
  };
}

/** The API's four numbers of a call's usage. */
export function publicUsage({ inputTokens, outputTokens, totalTokens, costUsd }: TUsage): TUsage {
  return { inputTokens, outputTokens, totalTokens, costUsd };
}
