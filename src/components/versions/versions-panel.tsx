/** The workflow's saved versions, newest first, paged; naming the current one; a click previews a version. */
"use client";
import { useInfiniteQuery, type InfiniteData } from "@tanstack/react-query";
import { errorText } from "@/lib/client/api";
import { uniqueVersions, versionListQuery } from "@/lib/client/queries/versions";
import type { VersionPage } from "@/lib/client/versions-api";
import { useEditorStore } from "@/stores/editor-store";
import { useVersionPreviewStore } from "@/stores/version-preview-store";
import { NameVersionForm } from "./name-version-form";
import { VersionRow } from "./version-row";
import { useVersionsPanel } from "./versions-panel-state";

const rowsOf = (data: InfiniteData<VersionPage>) => ({ rows: uniqueVersions(data.pages), total: data.pages[0]?.total ?? 0 });

export function VersionsPanel() {
  const open = useVersionsPanel((s) => s.open);
  const workflowId = useEditorStore((s) => s.workflowId);
  if (!open || !workflowId) return null;
  return (
    <aside className="flex w-80 shrink-0 flex-col border-l border-line bg-panel" aria-label="Versions" data-testid="versions">
      <div className="flex items-center justify-between px-4 pb-2 pt-3">
        <h2 className="text-xs font-semibold uppercase tracking-wider text-zinc-400">Versions</h2>
        <button type="button" aria-label="Close versions" data-testid="versions-close" className="rounded px-1.5 text-zinc-400 hover:bg-white/10 hover:text-white" onClick={() => useVersionsPanel.getState().close()}>
          ✕
        </button>
      </div>
      <NameVersionForm workflowId={workflowId} />
      <VersionList workflowId={workflowId} />
    </aside>
  );
}

/** Refetched when opened, on focus, and after every save, restore and name (see `queries/versions.ts`). */
function VersionList({ workflowId }: { workflowId: string }) {
  const list = useInfiniteQuery({ ...versionListQuery(workflowId), select: rowsOf });
  const previewed = useVersionPreviewStore((s) => s.version);
  const rows = list.data?.rows ?? [];
  return (
    <>
      <div className="flex items-center justify-between px-4 pb-1 pt-2 text-xs text-zinc-500">
        <span data-testid="versions-total">{list.data ? `${list.data.total} ${list.data.total === 1 ? "version" : "versions"}` : "Loading…"}</span>
        <button type="button" className="text-zinc-400 hover:text-white" onClick={() => void list.refetch()}>Refresh</button>
      </div>
      {list.error && <p role="alert" className="px-4 text-xs text-red-300">{errorText(list.error)}</p>}
      <ol className="flex-1 space-y-1 overflow-y-auto px-2 pb-3" data-testid="version-list">
        {rows.map((v) => (
          <VersionRow key={v.version} version={v} previewing={previewed !== null && previewed >= v.version && previewed <= v.lastVersion} />
        ))}
        {list.data && rows.length === 0 && <li className="px-2 py-6 text-center text-sm text-zinc-500">No saved versions yet.</li>}
      </ol>
      {list.hasNextPage && (
        <button
          type="button"
          data-testid="versions-more"
          disabled={list.isFetchingNextPage}
          className="m-2 rounded-md border border-line py-1.5 text-sm hover:bg-white/10 disabled:opacity-50"
          onClick={() => void list.fetchNextPage()}
        >
          {list.isFetchingNextPage ? "Loading…" : "Load more"}
        </button>
      )}
    </>
  );
}
