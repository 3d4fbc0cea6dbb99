/** One node of a run in its details: status, duration, usage, what its executor received (inputs typed or wired, params) and its outputs. */
"use client";
import { useState } from "react";
import { formatCount, formatDuration, formatUsd } from "@/components/ui/format";
import { ImagePreview, TextResult } from "@/components/canvas/result-view";
import { graphNodeName } from "@/components/canvas/use-node-state";
import { ResultNotices } from "@/components/ui/result-notices";
import type { ConnectedValues, PortType } from "@/engine/node-catalogue";
import { nodeStatusWord, skipNote } from "@/lib/node-status";
import type { NodeResult, Usage, WireNode } from "@/lib/client/types";
import { nodeName } from "@/nodes/node-name";
import { nodeCatalogue } from "@/nodes/registry";
import type { NodeDefinition } from "@/nodes/types";
import { useGraphStore } from "@/stores/graph-store";
import { executorInput } from "./executor-input";

const STATUS_TONE: Record<string, string> = {
  SUCCESS: "text-emerald-300",
  FAILED: "text-red-300",
  SKIPPED: "text-zinc-400",
  RUNNING: "text-violet-200",
  IDLE: "text-zinc-500",
};

/** One value shown in a card: what it is called, its port type when it has one, and where it came from. */
interface ShownValue {
  name: string;
  value: unknown;
  type?: PortType;
  /** "wired" or "typed", for an input port. */
  origin?: string;
}

const isMediaUrl = (v: unknown): v is string => typeof v === "string" && (v.startsWith("/api/files/") || /^https?:\/\//.test(v));

/** One value by its port type: images previewed, videos played, text as Markdown when asked, the rest as text. */
function ValueView({ shown, nodeId, markdown }: { shown: ShownValue; nodeId: string; markdown: boolean }) {
  const { name, value, type } = shown;
  if (type === "video" && isMediaUrl(value)) return <video src={value} controls preload="metadata" className="w-full rounded-md" data-testid={`detail-video-${name}`} />;
  if (type === "image" && isMediaUrl(value)) return <ImagePreview src={value} alt={`${name} of ${nodeId}`} />;
  if (type === "image" && Array.isArray(value) && value.every(isMediaUrl)) {
    return <div className="grid grid-cols-2 gap-1">{value.map((u, i) => <ImagePreview key={i} src={u} alt={`${name} ${i + 1}`} />)}</div>;
  }
  if (typeof value === "string" && markdown) return <TextResult text={value} />;
  return (
    <pre className="max-h-40 overflow-auto whitespace-pre-wrap break-words rounded bg-black/30 p-1.5 text-zinc-200">
      {typeof value === "string" ? value : JSON.stringify(value, null, 1)}
    </pre>
  );
}

/** A titled list of a node's values: its inputs, params or outputs. */
function Values({ label, values, nodeId, markdown = false }: { label: string; values: ShownValue[]; nodeId: string; markdown?: boolean }) {
  if (values.length === 0) return null;
  return (
    <div className="mt-1.5">
      <div className="text-[10px] font-semibold uppercase tracking-wider text-zinc-500">{label}</div>
      <dl className="mt-0.5 space-y-1">
        {values.map((shown) => (
          <div key={shown.name} data-testid={`detail-${label.toLowerCase()}-${shown.name}`} data-origin={shown.origin}>
            <dt className="text-[11px] text-zinc-400">
              {shown.name}
              {shown.origin && <span className="ml-1 text-zinc-600">({shown.origin})</span>}
            </dt>
            <dd className="text-xs">
              <ValueView shown={shown} nodeId={nodeId} markdown={markdown} />
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** Outputs by port, each as its port type says (a video output plays); keys no port names shown as they are. */
function outputValues(output: Record<string, unknown> | null | undefined, definition: NodeDefinition | undefined): ShownValue[] {
  return Object.entries(output ?? {})
    .filter(([, value]) => value !== undefined && value !== null && value !== "")
    .map(([name, value]) => ({ name, value, type: definition?.outputs[name]?.type }));
}

/** Connected values as stored, when the run's graph (and so the node's own data) is not known. */
function connectedValues(input: Record<string, unknown> | null | undefined, definition: NodeDefinition | undefined): ShownValue[] {
  return Object.entries(input ?? {})
    .map(([name, v]): ShownValue => ({ name, value: Array.isArray(v) && v.length === 1 && !definition?.inputs[name]?.many ? v[0] : v, type: definition?.inputs[name]?.type, origin: "wired" }))
    .filter((shown) => shown.value !== undefined && shown.value !== null && shown.value !== "");
}

/** Input, output and total tokens and the cost of a node's model calls. */
function NodeUsage({ usage }: { usage: Usage }) {
  return (
    <dl className="mt-1.5 grid grid-cols-4 gap-x-2 text-[11px]" data-testid="detail-usage">
      {(
        [
          ["in", formatCount(usage.inputTokens)],
          ["out", formatCount(usage.outputTokens)],
          ["total", formatCount(usage.totalTokens)],
          ["cost", formatUsd(usage.costUsd)],
        ] as const
      ).map(([label, value]) => (
        <div key={label}>
          <dt className="text-zinc-500">{label}</dt>
          <dd className="tabular-nums text-zinc-200" data-testid={`detail-usage-${label}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** `snapshotNode`: the node as the run's graph held it, whose data the executor ran with. */
export function NodeResultCard({ result, snapshotNode }: { result: NodeResult; snapshotNode?: WireNode }) {
  const [open, setOpen] = useState(true);
  const node = useGraphStore((s) => s.nodes.find((n) => n.id === result.nodeId));
  const definition = nodeCatalogue.get(result.nodeType);
  const label = snapshotNode ? nodeName(snapshotNode) : (definition?.label ?? result.nodeType);
  // A node that never started (skipped) received nothing.
  const started = result.input !== null && result.input !== undefined;
  const received =
    started && definition && snapshotNode ? executorInput(definition, (snapshotNode.data ?? {}) as Record<string, unknown>, result.input as ConnectedValues) : null;
  const inputs: ShownValue[] = received
    ? received.inputs.map((i) => ({ name: i.name, value: i.value, type: i.type, origin: i.wired ? "wired" : "typed" }))
    : connectedValues(result.input, definition);
  return (
    <li className="rounded-lg border border-line bg-panel-2 p-2" data-testid="detail-node" data-node-id={result.nodeId} data-status={result.status}>
      <button type="button" className="flex w-full items-center gap-2 text-left text-sm" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
        <span className="font-medium">{label}</span>
        <span className="truncate text-[11px] text-zinc-500">{node ? result.nodeId : `${result.nodeId} (deleted)`}</span>
        <span className={`ml-auto text-[11px] font-semibold uppercase ${STATUS_TONE[result.status]}`}>{nodeStatusWord(result)}</span>
        <span className="text-[11px] text-zinc-400" data-testid="detail-node-duration">{formatDuration(result.durationMs)}</span>
      </button>
      {open && (
        <>
          {result.status === "SKIPPED" ? (
            <p data-testid="detail-skip" className="mt-1.5 text-xs text-zinc-300">{skipNote(result, graphNodeName).text}</p>
          ) : (
            result.error && <p className="mt-1.5 rounded bg-red-500/10 p-1.5 text-xs text-red-200">{result.error}</p>
          )}
          {result.meta?.partial === true && (
            <p data-testid="detail-partial" className="mt-1.5 text-[11px] font-semibold uppercase tracking-wide text-amber-300">
              Partial answer — stopped before the end
            </p>
          )}
          <ResultNotices meta={result.meta} testId="detail-notices" className="mt-1.5" />
          {result.usage && <NodeUsage usage={result.usage} />}
          <Values label="Inputs" values={inputs} nodeId={result.nodeId} />
          <Values label="Params" values={received?.params ?? []} nodeId={result.nodeId} />
          <Values label="Outputs" values={outputValues(result.output, definition)} nodeId={result.nodeId} markdown />
        </>
      )}
    </li>
  );
}
