/** Both runs in a table (time, status, version, duration, tokens, cost) with B's deltas against A. */
import type { ReactNode } from "react";
import { formatCount, formatDuration, formatTime, formatUsd, SCOPE_LABEL } from "@/components/ui/format";
import { RunStatusBadge } from "@/components/ui/run-status-badge";
import type { TRunComparison } from "@/contracts/run-compare";
import { costDelta, durationDelta, tokenDelta, usedCost, usedTokens } from "./deltas";
import { DeltaText } from "./delta-text";

type CompareRun = TRunComparison["a"];

export function CompareHeader({ a, b }: { a: CompareRun; b: CompareRun }) {
  const rows: [label: string, a: ReactNode, b: ReactNode, delta: ReactNode][] = [
    [
      "Started",
      formatTime(a.createdAt),
      formatTime(b.createdAt),
      <StartGap key="gap" a={a.createdAt} b={b.createdAt} />,
    ],
    [
      "Status",
      <RunStatusBadge key="a" status={a.status} />,
      <RunStatusBadge key="b" status={b.status} />,
      null,
    ],
    ["Version", versionText(a), versionText(b), null],
    ["Scope", SCOPE_LABEL[a.scope], SCOPE_LABEL[b.scope], null],
    [
      "Duration",
      formatDuration(a.durationMs),
      formatDuration(b.durationMs),
      <DeltaText key="d" testId="compare-delta-duration" delta={durationDelta(a.durationMs, b.durationMs)} />,
    ],
    [
      "Tokens",
      formatCount(a.usage?.totalTokens),
      formatCount(b.usage?.totalTokens),
      <DeltaText
        key="t"
        testId="compare-delta-tokens"
        delta={tokenDelta(usedTokens(a.usage), usedTokens(b.usage))}
      />,
    ],
    [
      "Cost",
      a.usage ? formatUsd(a.usage.costUsd) : "—",
      b.usage ? formatUsd(b.usage.costUsd) : "—",
      <DeltaText
        key="c"
        testId="compare-delta-cost"
        delta={costDelta(usedCost(a.usage), usedCost(b.usage))}
      />,
    ],
  ];
  return (
    <table className="w-full text-xs" data-testid="compare-header">
      <thead>
        <tr className="text-left text-[10px] uppercase tracking-wider text-zinc-500">
          <th className="w-24 py-1 font-semibold" />
          <th className="py-1 font-semibold" data-testid="compare-run-a" data-run-id={a.id}>
            Run A
          </th>
          <th className="py-1 font-semibold" data-testid="compare-run-b" data-run-id={b.id}>
            Run B
          </th>
          <th className="py-1 font-semibold">B − A</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, left, right, delta]) => (
          <tr key={label} className="border-t border-line/60">
            <th scope="row" className="py-1 pr-2 text-left font-normal text-zinc-500">
              {label}
            </th>
            <td className="py-1 pr-2 tabular-nums text-zinc-200">{left}</td>
            <td className="py-1 pr-2 tabular-nums text-zinc-200">{right}</td>
            <td className="py-1">{delta}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function versionText(run: CompareRun): string {
  return run.workflowVersion === null ? "unsaved graph" : `v${run.workflowVersion}`;
}

/** How long after A run B started ("3 min later"), or before. */
function StartGap({ a, b }: { a: string; b: string }) {
  const ms = new Date(b).getTime() - new Date(a).getTime();
  if (!Number.isFinite(ms) || ms === 0) return null;
  return (
    <span className="text-zinc-500">
      {formatDuration(Math.abs(ms))} {ms > 0 ? "later" : "earlier"}
    </span>
  );
}
