/**
 * Token usage, cost and budgets as the API carries them (DESIGN §9). A number the provider
 * did not report, or a cost whose price is unknown, is `null` — never a made-up 0. Sums follow
 * one rule everywhere (a node's attempts, a run, 30 days of a workflow): a field is null when
 * any part of it is unknown. Client-safe: the editor sums live node usage with `sumUsage` too.
 */
import { z } from "zod";

const ZTokens = z.number().int().nonnegative().nullable();

export const ZUsage = z
  .object({
    inputTokens: ZTokens,
    outputTokens: ZTokens,
    totalTokens: ZTokens,
    costUsd: z.number().nonnegative().nullable().meta({ description: "null when the model's price is unknown" }),
  })
  .meta({ id: "Usage" });
export type TUsage = z.output<typeof ZUsage>;

/** A workflow's runs of the last 30 days that made model calls, summed (`usage30d`). */
export const ZUsageTotals = ZUsage.extend({
  runs: z.number().int().nonnegative().meta({ description: "runs in the window that made model calls" }),
}).meta({ id: "UsageTotals" });
export type TUsageTotals = z.output<typeof ZUsageTotals>;

/** Caps of one run; either may be left out. */
export const ZBudget = z
  .strictObject({
    maxTokens: z
      .number({ error: "maxTokens must be a number" })
      .int("maxTokens must be a whole number of tokens")
      .min(1, "maxTokens must be at least 1")
      .max(1_000_000_000_000, "maxTokens is too large")
      .optional()
      .meta({ description: "most tokens (input + output) the run's model calls may use" }),
    maxCostUsd: z
      .number({ error: "maxCostUsd must be a number" })
      .positive("maxCostUsd must be more than 0")
      .max(1_000_000, "maxCostUsd is too large")
      .optional()
      .meta({ description: "most US dollars the run's model calls may cost (needs known prices)" }),
  })
  .meta({ id: "Budget" });
export type TBudget = z.output<typeof ZBudget>;

/** Why a run was stopped, beside its `errorMessage`. */
export const RUN_ERROR_CODES = ["BUDGET_EXCEEDED"] as const;
export type TRunErrorCode = (typeof RUN_ERROR_CODES)[number];

/** Node costs are rounded to this many decimal places, so sums of them stay readable. */
const COST_DECIMALS = 1e10;

export function roundCost(usd: number): number {
  return Math.round(usd * COST_DECIMALS) / COST_DECIMALS;
}

/**
 * The sum of usages (nulls in the list are parts that made no model call and are left out);
 * null when there is nothing to sum. A field is null when any part's is.
 *
 * @example
 * sumUsage([{ inputTokens: 3, outputTokens: 4, totalTokens: 7, costUsd: null }, null]);
 * // { inputTokens: 3, outputTokens: 4, totalTokens: 7, costUsd: null }
 */
export function sumUsage(parts: readonly (TUsage | null | undefined)[]): TUsage | null {
  const present = parts.filter((part): part is TUsage => part !== null && part !== undefined);
  if (present.length === 0) return null;
  const total = (key: keyof TUsage): number | null =>
    present.every((part) => part[key] !== null) ? present.reduce((sum, part) => sum + (part[key] as number), 0) : null;
  const cost = total("costUsd");
  return {
    inputTokens: total("inputTokens"),
    outputTokens: total("outputTokens"),
    totalTokens: total("totalTokens"),
    costUsd: cost === null ? null : roundCost(cost),
  };
}
