/**
 * The chrome every node shares, from its definition: header (icon in the node's colour,
 * its name — renamed in place, status, ▶ run this node, menu), the body, outputs on the right, the result by port
 * type (and a streaming answer as it grows), tokens and cost after a model call, a pulsing
 * glow while running, problems in plain words, what the node adjusted (`meta.notices`), and
 * an "outdated" mark (result dimmed) once params or inputs changed since the result.
 */
"use client";
import type { ReactNode } from "react";
import type { NodeResult } from "@/lib/client/types";
import { nodeStatusWord, skipNote } from "@/lib/node-status";
import type { NodeDefinition } from "@/nodes/types";
import { runWorkflow } from "@/stores/actions/run-workflow";
import { useRunStore } from "@/stores/run-store";
import { ResultNotices } from "@/components/ui/result-notices";
import { UsageLine } from "@/components/ui/usage-line";
import { useOutdatedReason } from "@/stores/outdated-store";
import { LiveText } from "./live-text";
import { NodeIcon } from "./node-icon";
import { NodeMenu } from "./node-menu";
import { NodeTitle } from "./node-title";
import { OutdatedBadge } from "./outdated-badge";
import { OutputHandles } from "./output-handles";
import { ResultArea } from "./result-area";
import { OutputView } from "./result-view";
import { graphNodeName, useNodeResult } from "./use-node-state";

/** Why a node did not run: canceled, an input failed (named), or the run stopped (a budget: its own words). */
function SkipNote({ nodeId, result }: { nodeId: string; result: NodeResult }) {
  const note = skipNote(result, graphNodeName);
  const tone = note.kind === "stopped" ? "rounded-md bg-amber-500/10 px-2 py-1.5 text-amber-200" : "text-zinc-400";
  return (
    <div role={note.kind === "stopped" ? "alert" : undefined} data-testid={`${note.kind}-${nodeId}`} className={`mx-3 mb-2 text-xs ${tone}`}>
      {note.text}
    </div>
  );
}

/** The bounded result area for nodes that show results inline; the content as it is for the rest. */
function RunArea({ nodeId, inline, usage, children }: { nodeId: string; inline: boolean; usage: ReactNode; children: ReactNode }) {
  if (inline) return <ResultArea nodeId={nodeId} usage={usage}>{children}</ResultArea>;
  return (
    <>
      {children}
      {usage && <div className="border-t border-line px-3 py-1.5 text-[11px] text-zinc-400">{usage}</div>}
    </>
  );
}

const STATUS_STYLE: Record<string, string> = {
  RUNNING: "bg-violet-500/20 text-violet-200",
  SUCCESS: "bg-emerald-500/15 text-emerald-300",
  FAILED: "bg-red-500/15 text-red-300",
  SKIPPED: "bg-zinc-500/20 text-zinc-300",
};

export function NodeShell(props: { id: string; definition: NodeDefinition; selected?: boolean; children?: ReactNode }) {
  const { id, definition: def, selected, children } = props;
  const result = useNodeResult(id);
  const problems = useRunStore((s) => s.problems[id]);
  const status = result?.status ?? "IDLE";
  // Only a result the node shows can look stale: a Text or upload node shows its own data.
  const reason = useOutdatedReason(id);
  const outdated = def.inlineResult !== false || status === "FAILED" ? reason : undefined;
  const dimmed = outdated ? "opacity-45" : "";
  const running = status === "RUNNING";
  const border = problems ? "border-amber-400/70" : status === "FAILED" ? "border-red-500/70" : selected ? "border-violet-400" : "border-line";

  return (
    <div
      data-testid={`node-${id}`}
      data-node-type={def.type}
      data-status={status}
      className={`relative w-[300px] rounded-xl border bg-panel text-sm shadow-lg shadow-black/40 ${border} ${running ? "galaxy-running" : ""}`}
    >
      {running && <div aria-hidden className="pointer-events-none absolute -inset-1 animate-pulse rounded-2xl ring-2 ring-violet-500/70 shadow-[0_0_24px_4px_rgba(139,92,246,0.45)]" />}
      <div className="flex items-center gap-2 border-b border-line px-3 py-2" data-testid="node-header">
        <span className="flex h-6 w-6 items-center justify-center rounded-md bg-panel-2" style={{ color: def.color }}><NodeIcon path={def.icon} className="h-3.5 w-3.5" /></span>
        <NodeTitle id={id} typeName={def.label} />
        {status !== "IDLE" && (
          <span data-testid={`status-${id}`} className={`rounded px-1.5 py-0.5 text-[10px] font-semibold uppercase ${STATUS_STYLE[status] ?? ""}`}>
            {result ? nodeStatusWord(result) : status.toLowerCase()}
          </span>
        )}
        {outdated && <OutdatedBadge nodeId={id} reason={outdated} />}
        <span className="ml-auto" />
        <button
          type="button"
          aria-label={`Run ${def.label} only`}
          data-testid={`run-node-${id}`}
          className="nodrag rounded px-1.5 text-emerald-300 hover:bg-white/10"
          onClick={() => void runWorkflow([id])}
        >
          ▶
        </button>
        <NodeMenu nodeId={id} />
      </div>
      <div className="py-1.5">{children}</div>
      <OutputHandles outputs={def.outputs} />
      {/* Nodes that show results inline keep them in a fixed-height area; others (Text, uploads) show only problems. */}
      <RunArea nodeId={id} inline={def.inlineResult !== false && Object.keys(def.outputs).length > 0} usage={result?.usage && status !== "RUNNING" ? <UsageLine usage={result.usage} testId={`usage-${id}`} /> : null}>
      {problems && (
        <div role="alert" data-testid={`problems-${id}`} className="mx-3 mb-2 rounded-md bg-amber-500/10 px-2 py-1.5 text-xs text-amber-200">
          {problems.map((p) => <div key={p}>Not ready: {p}</div>)}
        </div>
      )}
      {result?.status === "FAILED" && result.error && (
        <div role="alert" data-testid={`error-${id}`} className={`mx-3 mb-2 rounded-md bg-red-500/10 px-2 py-1.5 text-xs text-red-200 ${dimmed}`}>
          {result.error}
        </div>
      )}
      {result?.status === "SKIPPED" && <SkipNote nodeId={id} result={result} />}
      <LiveText nodeId={id} />
      {def.inlineResult !== false && result?.status === "SUCCESS" && result.output && (
        <div className={`px-2 ${dimmed}`} data-testid={`result-${id}`} data-outdated={outdated ? "true" : "false"}>
          <OutputView nodeId={id} ports={def.outputs} output={result.output} />
        </div>
      )}
      {result?.status === "SUCCESS" && <ResultNotices meta={result.meta} testId={`notices-${id}`} className={`mx-3 mb-2 ${dimmed}`} />}
      </RunArea>
    </div>
  );
}
