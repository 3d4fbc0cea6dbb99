/**
 * Runs of this workflow, newest first, paginated; a click opens node-by-node detail. In compare
 * mode a click picks a run instead, and two picks open the comparison over the editor.
 */
"use client";
import { useInfiniteQuery, type InfiniteData } from "@tanstack/react-query";
import { CompareView } from "@/components/compare/compare-view";
import { errorText } from "@/lib/client/api";
import { uniqueRows } from "@/lib/client/queries/pages";
import { runListQuery } from "@/lib/client/queries/runs";
import type { RunPage } from "@/lib/client/runs-api";
import { useEditorStore } from "@/stores/editor-store";
import { useRunStore } from "@/stores/run-store";
import { useUiStore } from "@/stores/ui-store";
import { CompareBar } from "./compare-bar";
import { RunDetail } from "./run-detail";
import { RunRow } from "./run-row";
import { useComparePicker, type ComparePicker } from "./use-compare-picker";

const rowsOf = (data: InfiniteData<RunPage>) => uniqueRows(data.pages.map((page) => page.runs));

export function HistorySidebar() {
  const open = useUiStore((s) => s.historyOpen);
  const narrow = useUiStore((s) => s.narrow);
  const detail = useUiStore((s) => s.detailRunId);
  const workflowId = useEditorStore((s) => s.workflowId);
  const compare = useComparePicker();
  const rail = <HistoryRail open={open} />;
  if (!open) return rail;
  const backToList = () => useUiStore.getState().set({ detailRunId: null });
  // Narrow: the rail stays and the panel opens over the canvas beside it.
  const place = narrow ? "absolute inset-y-0 right-11 z-30 shadow-2xl shadow-black/60" : "shrink-0";
  const panel = (
    <aside className={`flex w-80 flex-col border-l border-line bg-panel ${place}`} aria-label="Run history" data-testid="history">
      {detail ? (
        <RunDetail
          runId={detail}
          onBack={backToList}
          onCompareWith={() => {
            compare.start(detail);
            backToList();
          }}
        />
      ) : (
        workflowId && <RunList workflowId={workflowId} compare={compare} />
      )}
      {compare.pair && <CompareView a={compare.pair[0]} b={compare.pair[1]} onClose={compare.close} />}
    </aside>
  );
  return narrow ? <>{rail}{panel}</> : panel;
}

/** The folded history: a button that opens (or closes) the panel. */
function HistoryRail({ open }: { open: boolean }) {
  return (
    <div className="flex w-11 shrink-0 flex-col items-center border-l border-line bg-panel py-3">
      <button
        type="button"
        data-testid="history-open"
        aria-label={open ? "Close run history" : "Open run history"}
        aria-expanded={open}
        title="Run history"
        className="rounded p-1.5 text-zinc-400 hover:bg-white/10 hover:text-white"
        onClick={() => useUiStore.getState().set({ historyOpen: !open })}
      >
        <svg viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth={2} aria-hidden><circle cx="12" cy="12" r="9" /><path d="M12 7v5l3 2" /></svg>
      </button>
    </div>
  );
}

/** The list half: refetched when opened, on focus, and when a run begins or ends (see `live-run.ts`). */
function RunList({ workflowId, compare }: { workflowId: string; compare: ComparePicker }) {
  const liveStatus = useRunStore((s) => s.status);
  const activeRunId = useRunStore((s) => s.activeRunId);
  const list = useInfiniteQuery({ ...runListQuery(workflowId), select: rowsOf });
  const runs = list.data ?? [];
  return (
    <>
      <div className="flex items-center gap-3 px-4 pb-2 pt-3">
        <h2 className="mr-auto text-xs font-semibold uppercase tracking-wider text-zinc-400">Run history</h2>
        {!compare.picking && runs.length > 1 && (
          <button type="button" data-testid="history-compare" className="text-xs text-zinc-400 hover:text-white" onClick={() => compare.start()}>
            Compare
          </button>
        )}
        <button type="button" className="text-xs text-zinc-400 hover:text-white" onClick={() => void list.refetch()}>Refresh</button>
      </div>
      {compare.picking && <CompareBar compare={compare} runs={runs} />}
      {list.error && <p className="px-4 text-xs text-red-300">{errorText(list.error)}</p>}
      <ol className="flex-1 space-y-1 overflow-y-auto px-2 pb-3">
        {runs.map((run) => (
          <RunRow
            key={run.id}
            run={run.id === activeRunId && liveStatus ? { ...run, status: liveStatus } : run}
            picking={compare.picking ? { picked: compare.picked.includes(run.id), onToggle: () => compare.toggle(run.id) } : undefined}
          />
        ))}
        {runs.length === 0 && !list.error && <li className="px-2 py-6 text-center text-sm text-zinc-500">No runs yet. Press ▶ Run or Ctrl+Enter.</li>}
      </ol>
      {list.hasNextPage && (
        <button type="button" data-testid="history-more" className="m-2 rounded-md border border-line py-1.5 text-sm hover:bg-white/10" onClick={() => void list.fetchNextPage()}>
          Load more
        </button>
      )}
    </>
  );
}
