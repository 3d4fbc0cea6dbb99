/** One run node by node: where it was started from and what it covered, then each node's status, inputs (typed and wired), params, outputs (images previewed, videos played), duration, tokens and cost, error; then its logs. */
"use client";
import { useQuery } from "@tanstack/react-query";
import { budgetText, formatCount, formatDuration, formatTime, formatTokenSplit, formatUsd, SCOPE_LABEL } from "@/components/ui/format";
import { RunStatusBadge } from "@/components/ui/run-status-badge";
import { errorText } from "@/lib/client/api";
import { runQuery } from "@/lib/client/queries/runs";
import { nodeName } from "@/nodes/node-name";
import { NodeResultCard } from "./node-result-card";
import { coveredNodes, SOURCE_LABEL } from "./run-origin";
import { RunVersionButton } from "./run-version-button";

/** `onCompareWith` enters compare mode with this run picked ("Compare with…"). */
export function RunDetail({ runId, onBack, onCompareWith }: { runId: string; onBack: () => void; onCompareWith: () => void }) {
  // While this is the live run, each finished node makes it stale and it refetches (see `live-run.ts`).
  const { data: run, error } = useQuery(runQuery(runId));
  // The nodes as this run's graph held them: their names and the data their executors ran with.
  const snapshot = new Map((run?.input?.nodes ?? []).map((node) => [node.id, node]));
  const nameOf = (nodeId: string) => {
    const node = snapshot.get(nodeId);
    return node ? nodeName(node) : nodeId;
  };
  const covered = run && coveredNodes(run, nameOf);

  return (
    <div className="flex min-h-0 flex-1 flex-col" data-testid="run-detail" data-run-id={runId}>
      <div className="flex items-center gap-2 border-b border-line px-3 py-2.5">
        <button type="button" aria-label="Back to run list" data-testid="detail-back" className="rounded px-1.5 text-zinc-400 hover:bg-white/10 hover:text-white" onClick={onBack}>
          ←
        </button>
        <h2 className="text-sm font-semibold">Run details</h2>
        {run && <RunStatusBadge status={run.status} />}
        <button type="button" data-testid="detail-compare" className="ml-auto text-xs text-zinc-400 hover:text-white" onClick={onCompareWith}>
          Compare with…
        </button>
      </div>
      {error && <p className="p-3 text-sm text-red-300">{errorText(error)}</p>}
      {!run && !error && <p className="p-3 text-sm text-zinc-500">Loading…</p>}
      {run && (
        <div className="flex-1 space-y-3 overflow-y-auto p-3">
          <dl className="grid grid-cols-2 gap-x-3 gap-y-1 text-xs">
            <dt className="text-zinc-500">Started</dt>
            <dd>{formatTime(run.startedAt ?? run.createdAt)}</dd>
            <dt className="text-zinc-500">Duration</dt>
            <dd>{formatDuration(run.durationMs)}</dd>
            <dt className="text-zinc-500">Version</dt>
            <dd data-testid="detail-version">
              <RunVersionButton version={run.workflowVersion} testId="detail-version-button" />
            </dd>
            <dt className="text-zinc-500">Scope</dt>
            <dd data-testid="detail-scope">{covered ?? SCOPE_LABEL[run.scope ?? "FULL"]}</dd>
            <dt className="text-zinc-500">Started from</dt>
            <dd data-testid="detail-source">{SOURCE_LABEL[run.source]}</dd>
            {run.usage && (
              <>
                <dt className="text-zinc-500">Tokens</dt>
                <dd data-testid="detail-run-tokens" title={formatTokenSplit(run.usage)}>
                  {formatCount(run.usage.totalTokens)}
                </dd>
                <dt className="text-zinc-500">Cost</dt>
                <dd data-testid="detail-run-cost">{formatUsd(run.usage.costUsd)}</dd>
              </>
            )}
            {run.budget && (run.budget.maxTokens !== undefined || run.budget.maxCostUsd !== undefined) && (
              <>
                <dt className="text-zinc-500">Budget</dt>
                <dd data-testid="detail-run-budget">{budgetText(run.budget)}</dd>
              </>
            )}
          </dl>
          {run.errorMessage && (
            <p role="alert" data-testid="detail-run-error" data-code={run.errorCode ?? undefined} className="rounded-md bg-red-500/10 p-2 text-xs text-red-200">
              {run.errorMessage}
            </p>
          )}
          <ol className="space-y-2">
            {(run.nodeResults ?? []).map((r) => <NodeResultCard key={r.nodeId} result={r} snapshotNode={snapshot.get(r.nodeId)} />)}
          </ol>
          {(run.executionLogs ?? []).length > 0 && (
            <section>
              <h3 className="mb-1 text-xs font-semibold uppercase tracking-wider text-zinc-400">Logs</h3>
              <ol className="space-y-0.5 font-mono text-[11px]" data-testid="run-logs">
                {(run.executionLogs ?? []).map((l, i) => (
                  <li key={l.id ?? i} className={l.level === "error" ? "text-red-300" : l.level === "warning" ? "text-amber-200" : "text-zinc-400"}>
                    <span className="text-zinc-600">{new Date(l.timestamp).toLocaleTimeString()}</span> {l.nodeId ? `[${l.nodeId}] ` : ""}
                    {l.message}
                  </li>
                ))}
              </ol>
            </section>
          )}
        </div>
      )}
    </div>
  );
}
