/**
 * What a model call may use, as far as can be told before it starts: its prompt at about
 * four characters a token plus a fixed allowance per image, and its `maxTokens` of output
 * (an assumed 1,000 without one). Budgets hold this much for a call until it settles.
 */
import type { PlannedModelCall } from "@/nodes/types";

/** Output tokens assumed for a call without `maxTokens`. */
export const DEFAULT_OUTPUT_ESTIMATE = 1_000;
/** Tokens per image: Gemini counts 258 for a small one; OpenAI's high detail up to about 1,100. */
export const IMAGE_TOKEN_ESTIMATE = 1_000;

export interface Amounts {
  tokens: number;
  costUsd: number;
}

/** The prompt's size in tokens: its texts' characters / 4 (rounded up), plus the images. */
export function estimatePromptTokens(texts: readonly (string | undefined)[], images: number): number {
  const characters = texts.reduce((sum, text) => sum + (text?.length ?? 0), 0);
  return Math.ceil(characters / 4) + images * IMAGE_TOKEN_ESTIMATE;
}

/** The most a call may use: its prompt plus its output allowance, and what that costs (0 without a price). */
export function estimateCall(call: PlannedModelCall): Amounts {
  const output = call.maxOutputTokens ?? DEFAULT_OUTPUT_ESTIMATE;
  const costUsd = call.price ? (call.promptTokens * call.price.inputPerMillion + output * call.price.outputPerMillion) / 1_000_000 : 0;
  return { tokens: call.promptTokens + output, costUsd };
}
