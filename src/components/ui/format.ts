/** Human formats shared by the dashboard, the canvas and the history sidebar. */
import type { Budget, Usage } from "@/lib/client/types";

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  const sameDay = d.toDateString() === new Date().toDateString();
  return sameDay
    ? d.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" })
    : d.toLocaleString(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });
}

export function formatRelative(iso: string): string {
  const s = Math.round((Date.now() - new Date(iso).getTime()) / 1000);
  if (s < 60) return "just now";
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  return new Date(iso).toLocaleDateString();
}

export const SCOPE_LABEL: Record<string, string> = { FULL: "full", PARTIAL: "selection", SINGLE: "single" };

const COUNT = new Intl.NumberFormat("en-US");

export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? "—" : COUNT.format(n);
}

/** "1,234 tokens" (one token, unknown). */
export function formatTokens(n: number | null | undefined): string {
  if (n === null || n === undefined) return "tokens unknown";
  return `${COUNT.format(n)} ${n === 1 ? "token" : "tokens"}`;
}

/**
 * Dollars with enough digits to see a small amount: $0.0012, $0.012, $0.50, $1,234.56;
 * below a hundredth of a cent "< $0.0001"; unknown prices say so.
 */
export function formatUsd(usd: number | null | undefined): string {
  if (usd === null || usd === undefined) return "cost unknown";
  if (usd === 0) return "$0";
  if (usd < 0.0001) return "< $0.0001";
  if (usd >= 1) return `$${usd.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  // Two significant digits, at least two decimals.
  const decimals = Math.min(6, Math.max(2, Math.ceil(-Math.log10(usd)) + 1));
  return `$${usd.toFixed(decimals).replace(/(\.\d\d\d*?)0+$/, "$1")}`;
}

/** "1,200 in · 34 out": the split of a usage's tokens. */
export function formatTokenSplit(usage: Pick<Usage, "inputTokens" | "outputTokens">): string {
  return `${formatCount(usage.inputTokens)} in · ${formatCount(usage.outputTokens)} out`;
}

/** "1,234 tokens · $0.0012", or "… · cost unknown". */
export function formatUsage(usage: Pick<Usage, "totalTokens" | "costUsd">): string {
  return `${formatTokens(usage.totalTokens)} · ${formatUsd(usage.costUsd)}`;
}

/** "10,000 tokens or $0.50 per run", "no cap". */
export function budgetText(budget: Budget | null | undefined): string {
  const caps = [];
  if (budget?.maxTokens !== undefined) caps.push(formatTokens(budget.maxTokens));
  if (budget?.maxCostUsd !== undefined) caps.push(formatUsd(budget.maxCostUsd));
  return caps.length > 0 ? `${caps.join(" or ")} per run` : "no cap";
}
