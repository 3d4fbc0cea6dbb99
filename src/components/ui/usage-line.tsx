/** "1,234 tokens · $0.0012" (or "· cost unknown") with the split in a tooltip: the footer of a node, a run, a card. */
import type { Usage } from "@/lib/client/types";
import { formatTokenSplit, formatUsage } from "./format";

export function UsageLine({ usage, testId, className = "", prefix = "" }: { usage: Usage | null | undefined; testId?: string; className?: string; prefix?: string }) {
  if (!usage) return null;
  return (
    <span data-testid={testId} title={formatTokenSplit(usage)} className={`tabular-nums ${usage.costUsd === null ? "text-zinc-500" : ""} ${className}`}>
      {prefix}
      {formatUsage(usage)}
    </span>
  );
}
