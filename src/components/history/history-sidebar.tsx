/** Runs of this workflow, newest first, paginated; a click opens node-by-node detail. */
"use client";
import { useCallback, useEffect, useState } from "react";
import { errorText } from "@/lib/client/api";
import { listRuns } from "@/lib/client/runs-api";
import type { Run } from "@/lib/client/types";
import { useEditorStore } from "@/stores/editor-store";
import { useRunStore } from "@/stores/run-store";
import { useUiStore } from "@/stores/ui-store";
import { RunDetail } from "./run-detail";
import { RunRow } from "./run-row";

const PAGE = 20;

export function HistorySidebar() {
  const open = useUiStore((s) => s.historyOpen);
  const detail = useUiStore((s) => s.detailRunId);
  const workflowId = useEditorStore((s) => s.workflowId);
  const tick = useRunStore((s) => s.historyTick);
  const liveStatus = useRunStore((s) => s.status);
  const activeRunId = useRunStore((s) => s.activeRunId);
  const [runs, setRuns] = useState<Run[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (skip: number) => {
      if (!workflowId) return;
      try {
        const page = await listRuns(workflowId, skip, PAGE);
        setRuns((prev) => (skip === 0 ? page.runs : [...prev, ...page.runs.filter((r) => !prev.some((p) => p.id === r.id))]));
        setHasMore(page.hasMore);
        setError(null);
      } catch (e) {
        setError(errorText(e));
      }
    },
    [workflowId],
  );

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- fetching on open and after each run is the point
    if (open) void load(0);
  }, [open, load, tick]);

  if (!open) return null;
  return (
    <aside className="flex w-80 shrink-0 flex-col border-l border-line bg-panel" aria-label="Run history" data-testid="history">
      {detail ? (
        <RunDetail runId={detail} onBack={() => useUiStore.getState().set({ detailRunId: null })} />
      ) : (
        <>
          <div className="flex items-center justify-between px-4 pb-2 pt-3">
            <h2 className="text-xs font-semibold uppercase tracking-wider text-zinc-400">Run history</h2>
            <button type="button" className="text-xs text-zinc-400 hover:text-white" onClick={() => void load(0)}>Refresh</button>
          </div>
          {error && <p className="px-4 text-xs text-red-300">{error}</p>}
          <ol className="flex-1 space-y-1 overflow-y-auto px-2 pb-3">
            {runs.map((run) => (
              <RunRow key={run.id} run={run.id === activeRunId && liveStatus ? { ...run, status: liveStatus } : run} />
            ))}
            {runs.length === 0 && !error && <li className="px-2 py-6 text-center text-sm text-zinc-500">No runs yet. Press ▶ Run or Ctrl+Enter.</li>}
          </ol>
          {hasMore && (
            <button type="button" data-testid="history-more" className="m-2 rounded-md border border-line py-1.5 text-sm hover:bg-white/10" onClick={() => void load(runs.length)}>
              Load more
            </button>
          )}
        </>
      )}
    </aside>
  );
}
