/**
 * How run B differs from run A in time, tokens and cost, as a person reads it: "+1.2 s (+40%)",
 * "−120 tokens", "+$0.0013". Null where either side is unknown: a delta against an unknown
 * is not a number anyone should act on.
 */
import { formatCount, formatDuration, formatUsd } from "@/components/ui/format";
import type { Usage } from "@/lib/client/types";

export interface Delta {
  text: string;
  /** Which way B went: for time, tokens and cost, "up" is worse. */
  direction: "up" | "down" | "none";
}

const MINUS = "\u2212";

function direction(diff: number): Delta["direction"] {
  return diff > 0 ? "up" : diff < 0 ? "down" : "none";
}

function signed(diff: number, format: (n: number) => string): string {
  if (diff === 0) return "±0";
  return `${diff > 0 ? "+" : MINUS}${format(Math.abs(diff))}`;
}

/** "+1.2 s (+40%)"; the percentage left out when A took no time. */
export function durationDelta(a: number | null | undefined, b: number | null | undefined): Delta | null {
  if (a === null || a === undefined || b === null || b === undefined) return null;
  const diff = b - a;
  const percent = a > 0 && diff !== 0 ? ` (${signed(Math.round((diff / a) * 100), (n) => `${n}%`)})` : "";
  return { text: `${signed(diff, formatDuration)}${percent}`, direction: direction(diff) };
}

/** "+120 tokens", "−3 tokens", "±0 tokens". */
export function tokenDelta(a: number | null | undefined, b: number | null | undefined): Delta | null {
  if (a === null || a === undefined || b === null || b === undefined) return null;
  const diff = b - a;
  return { text: `${signed(diff, formatCount)} tokens`, direction: direction(diff) };
}

/** Dollars as `formatUsd`, but a change below its "< $0.0001" in two significant digits: "$0.0000042". */
function formatUsdAmount(usd: number): string {
  if (usd >= 0.0001) return formatUsd(usd);
  return `$${usd.toFixed(Math.min(12, Math.ceil(-Math.log10(usd)) + 1)).replace(/0+$/, "")}`;
}

/** "+$0.0013", "−$0.50", "+$0.000004", "±0". Sub-nanodollar float noise counts as no change. */
export function costDelta(a: number | null | undefined, b: number | null | undefined): Delta | null {
  if (a === null || a === undefined || b === null || b === undefined) return null;
  const raw = b - a;
  const diff = Math.abs(raw) < 1e-9 ? 0 : raw;
  return { text: signed(diff, formatUsdAmount), direction: direction(diff) };
}

/** What a run or node used: no usage means no model call (0), a null field means unknown. */
export function usedTokens(usage: Usage | null | undefined): number | null {
  return usage ? usage.totalTokens : 0;
}

export function usedCost(usage: Usage | null | undefined): number | null {
  return usage ? usage.costUsd : 0;
}
