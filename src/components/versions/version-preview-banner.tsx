/**
 * Over the canvas while a version is previewed: which one, "Restore this version" and "Back
 * to current", and a legend of the marks with how many nodes and edges carry each.
 */
"use client";
import { useState } from "react";
import { formatRelative } from "@/components/ui/format";
import type { GraphDiff } from "@/lib/graph-diff";
import { restoreVersion } from "@/stores/actions/restore-version";
import { useVersionPreviewStore } from "@/stores/version-preview-store";
import { LEGEND } from "./diff-style";
import { usePreviewGuards } from "./use-preview-guards";

const BTN = "rounded-md border border-line px-2.5 py-1 text-sm text-zinc-200 hover:bg-white/10 disabled:opacity-40 disabled:hover:bg-transparent";

export function VersionPreviewBanner() {
  const backToCurrent = usePreviewGuards();
  const version = useVersionPreviewStore((s) => s.version);
  const status = useVersionPreviewStore((s) => s.status);
  const summary = useVersionPreviewStore((s) => s.summary);
  const diff = useVersionPreviewStore((s) => s.graph?.diff ?? null);
  const [restoring, setRestoring] = useState(false);
  if (version === null) return null;

  const same = diff !== null && differences(diff) === 0;
  const restore = async () => {
    setRestoring(true);
    try {
      await restoreVersion(version);
    } finally {
      setRestoring(false);
    }
  };

  return (
    <div
      role="region"
      aria-label={`Previewing version ${version}`}
      data-testid="version-preview"
      data-version={version}
      data-status={status}
      className="absolute left-1/2 top-3 z-20 flex w-max max-w-[calc(100%-2rem)] -translate-x-1/2 flex-col gap-2 rounded-xl border border-violet-500/50 bg-panel/95 px-4 py-2.5 shadow-2xl shadow-black/50"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <span className="text-sm">
          {status === "loading" && `Loading version ${version}…`}
          {status === "ready" && (
            <>
              Previewing <strong className="font-semibold">version {version}</strong>
              {summary?.message && <span className="text-zinc-300"> “{summary.message}”</span>}
              {summary && (
                <time dateTime={summary.createdAt} title={new Date(summary.createdAt).toLocaleString()} className="ml-2 text-xs text-zinc-500">
                  {formatRelative(summary.createdAt)}
                </time>
              )}
              <span className="ml-2 text-xs text-zinc-500">read-only</span>
            </>
          )}
        </span>
        <span className="ml-auto flex gap-2">
          {status === "ready" && (
            <button
              type="button"
              data-testid="version-restore"
              disabled={restoring || same}
              title={same ? "The editor already has this graph" : `Save version ${version}'s graph as the newest version (undo with Ctrl+Z)`}
              className="rounded-md bg-violet-600 px-3 py-1 text-sm font-medium hover:bg-violet-500 disabled:opacity-50"
              onClick={() => void restore()}
            >
              {restoring ? "Restoring…" : "Restore this version"}
            </button>
          )}
          <button type="button" data-testid="version-back" className={BTN} onClick={backToCurrent}>
            Back to current
          </button>
        </span>
      </div>
      {diff && status === "ready" && <DiffLegend diff={diff} />}
    </div>
  );
}

function differences(diff: GraphDiff): number {
  const { nodes, edges } = diff.counts;
  return nodes.added + nodes.removed + nodes.changed + nodes.moved + edges.added + edges.removed + edges.changed;
}

/** Compared with the editor's graph: what each mark means and how many carry it. */
function DiffLegend({ diff }: { diff: GraphDiff }) {
  const { nodes, edges } = diff.counts;
  const edgeCount = { added: edges.added, removed: edges.removed, changed: edges.changed, moved: 0 };
  if (differences(diff) === 0) {
    return <p data-testid="diff-legend" className="text-xs text-zinc-400">Same graph as the editor&apos;s: nothing differs.</p>;
  }
  return (
    <ul data-testid="diff-legend" aria-label="Compared with your current graph" className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-zinc-300">
      <li className="text-zinc-500">Against your current graph:</li>
      {LEGEND.map(({ kind, label, swatch }) => (
        <li key={kind} data-testid={`diff-legend-${kind}`} data-count={nodes[kind]} className="flex items-center gap-1.5">
          <span aria-hidden className={`inline-block h-3 w-4 rounded ${swatch}`} />
          {label}
          <span className="tabular-nums text-zinc-500">
            {nodes[kind]} {nodes[kind] === 1 ? "node" : "nodes"}
            {edgeCount[kind] > 0 && `, ${edgeCount[kind]} ${edgeCount[kind] === 1 ? "edge" : "edges"}`}
          </span>
        </li>
      ))}
    </ul>
  );
}
