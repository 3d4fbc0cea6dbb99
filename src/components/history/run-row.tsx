"use client";
import { RunStatusBadge } from "@/components/ui/run-status-badge";
import { formatDuration, formatTime, SCOPE_LABEL } from "@/components/ui/format";
import { UsageLine } from "@/components/ui/usage-line";
import type { RunListItem } from "@/lib/client/types";
import { nodeName } from "@/nodes/node-name";
import { nodeCatalogue } from "@/nodes/registry";
import { useGraphStore } from "@/stores/graph-store";
import { useUiStore } from "@/stores/ui-store";
import { coveredNodes, SOURCE_LABEL } from "./run-origin";
import { RunVersionButton } from "./run-version-button";

/** In compare mode a click picks the run (a checkbox shows it); otherwise it opens the run's detail. */
export interface RunRowPicking {
  picked: boolean;
  onToggle: () => void;
}

/** The list carries no graph: a node is named as the editor's graph has it now, else by its type. */
function nameOfNode(run: RunListItem, nodes: { id: string; type?: string; data?: unknown }[], nodeId: string): string {
  const node = nodes.find((n) => n.id === nodeId);
  if (node) return nodeName(node);
  const type = run.nodeResults.find((r) => r.nodeId === nodeId)?.nodeType;
  return (type && nodeCatalogue.get(type)?.label) || nodeId;
}

export function RunRow({ run, picking }: { run: RunListItem; picking?: RunRowPicking }) {
  const scope = SCOPE_LABEL[run.scope ?? "FULL"] ?? "full";
  // A string, so a row redraws only when its words change, not on every edit of the graph.
  const coveredAll = useGraphStore((s) => coveredNodes(run, (nodeId) => nameOfNode(run, s.nodes, nodeId)));
  const covered = useGraphStore((s) => coveredNodes(run, (nodeId) => nameOfNode(run, s.nodes, nodeId), 2));
  return (
    <li className={`relative flex items-center rounded-lg ${picking?.picked ? "bg-violet-500/10 ring-1 ring-violet-500/40" : ""}`}>
      {picking && (
        <input
          type="checkbox"
          data-testid="history-row-pick"
          aria-label={`Pick the run of ${formatTime(run.startedAt ?? run.createdAt)} to compare`}
          checked={picking.picked}
          onChange={picking.onToggle}
          className="ml-2 h-3.5 w-3.5 shrink-0 accent-violet-500"
        />
      )}
      <button
        type="button"
        data-testid="history-row"
        data-run-id={run.id}
        data-scope={scope}
        data-status={run.status}
        data-source={run.source}
        data-version={run.workflowVersion ?? undefined}
        aria-pressed={picking ? picking.picked : undefined}
        className="flex min-w-0 flex-1 flex-col gap-1 rounded-lg py-2 pl-2.5 pr-12 text-left hover:bg-white/5 focus-visible:bg-white/5 focus-visible:outline-none"
        onClick={() => (picking ? picking.onToggle() : useUiStore.getState().set({ detailRunId: run.id }))}
      >
        <span className="flex items-center gap-2">
          <RunStatusBadge status={run.status} />
          {/* A single or selection run names its nodes on the line below. */}
          {!covered && <span className="rounded bg-white/5 px-1.5 py-0.5 text-[11px] text-zinc-300">{scope}</span>}
          <span data-testid="history-row-source" className="text-[11px] text-zinc-400">{SOURCE_LABEL[run.source]}</span>
          <span className="ml-auto text-xs text-zinc-400">{formatDuration(run.durationMs)}</span>
        </span>
        {covered && (
          <span data-testid="history-row-covered" title={coveredAll ?? undefined} className="truncate text-xs text-zinc-300">
            {covered}
          </span>
        )}
        <span className="flex items-center gap-2 text-xs text-zinc-500">
          {formatTime(run.startedAt ?? run.createdAt)}
          <UsageLine usage={run.usage} testId="history-row-usage" className="ml-auto text-zinc-400" />
        </span>
      </button>
      {/* Beside the row's button, not in it: a button may not hold another. */}
      <RunVersionButton version={run.workflowVersion} testId="history-row-version" className="absolute right-2 top-1/2 -translate-y-1/2" />
    </li>
  );
}
