"use client";
import { RunStatusBadge } from "@/components/ui/run-status-badge";
import { formatDuration, formatTime, SCOPE_LABEL } from "@/components/ui/format";
import { UsageLine } from "@/components/ui/usage-line";
import type { RunListItem } from "@/lib/client/types";
import { useUiStore } from "@/stores/ui-store";

export function RunRow({ run }: { run: RunListItem }) {
  const scope = SCOPE_LABEL[run.scope ?? "FULL"] ?? "full";
  return (
    <li>
      <button
        type="button"
        data-testid="history-row"
        data-run-id={run.id}
        data-scope={scope}
        data-status={run.status}
        className="flex w-full flex-col gap-1 rounded-lg px-2.5 py-2 text-left hover:bg-white/5 focus-visible:bg-white/5 focus-visible:outline-none"
        onClick={() => useUiStore.getState().set({ detailRunId: run.id })}
      >
        <span className="flex items-center gap-2">
          <RunStatusBadge status={run.status} nodeResults={run.nodeResults} />
          <span className="rounded bg-white/5 px-1.5 py-0.5 text-[11px] text-zinc-300">{scope}</span>
          <span className="ml-auto text-xs text-zinc-400">{formatDuration(run.durationMs)}</span>
        </span>
        <span className="flex items-center gap-2 text-xs text-zinc-500">
          {formatTime(run.startedAt ?? run.createdAt)}
          <UsageLine usage={run.usage} testId="history-row-usage" className="ml-auto text-zinc-400" />
        </span>
      </button>
    </li>
  );
}
