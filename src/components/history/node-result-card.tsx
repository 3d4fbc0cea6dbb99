"use client";
import { useState } from "react";
import { formatCount, formatDuration, formatUsd } from "@/components/ui/format";
import { ImagePreview, TextResult } from "@/components/canvas/result-view";
import { ResultNotices } from "@/components/ui/result-notices";
import type { NodeResult, Usage } from "@/lib/client/types";
import { nodeCatalogue } from "@/nodes/registry";
import { useGraphStore } from "@/stores/graph-store";

const STATUS_TONE: Record<string, string> = {
  SUCCESS: "text-emerald-300",
  FAILED: "text-red-300",
  SKIPPED: "text-zinc-400",
  RUNNING: "text-violet-200",
  IDLE: "text-zinc-500",
};

function isMediaUrl(v: unknown): v is string {
  return typeof v === "string" && (v.startsWith("/api/files/") || /^https?:\/\/.+\.(png|jpe?g|webp|gif)(\?|$)/i.test(v));
}

/** Values of a node's inputs or outputs: image URLs previewed, text outputs as Markdown (raw on demand), the rest as text. */
function Values({ label, values, nodeId, markdown = false }: { label: string; values: unknown; nodeId: string; markdown?: boolean }) {
  if (!values || typeof values !== "object") return null;
  // Connected inputs arrive as arrays; a single value reads better unwrapped.
  const entries = Object.entries(values as Record<string, unknown>)
    .map(([k, v]): [string, unknown] => [k, Array.isArray(v) && v.length === 1 ? v[0] : v])
    .filter(([, v]) => v !== undefined && v !== null && v !== "");
  if (entries.length === 0) return null;
  return (
    <div className="mt-1.5">
      <div className="text-[10px] font-semibold uppercase tracking-wider text-zinc-500">{label}</div>
      <dl className="mt-0.5 space-y-1">
        {entries.map(([k, v]) => (
          <div key={k} data-testid={`detail-${label.toLowerCase()}-${k}`}>
            <dt className="text-[11px] text-zinc-400">{k}</dt>
            <dd className="text-xs">
              {isMediaUrl(v) && k !== "video" && k !== "video_url" ? (
                <ImagePreview src={v} alt={`${k} of ${nodeId}`} />
              ) : Array.isArray(v) && v.every(isMediaUrl) ? (
                <div className="grid grid-cols-2 gap-1">{v.map((u, i) => <ImagePreview key={i} src={u} alt={`${k} ${i + 1}`} />)}</div>
              ) : typeof v === "string" && markdown ? (
                <TextResult text={v} />
              ) : (
                <pre className="max-h-40 overflow-auto whitespace-pre-wrap break-words rounded bg-black/30 p-1.5 text-zinc-200">{typeof v === "string" ? v : JSON.stringify(v, null, 1)}</pre>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
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

export function NodeResultCard({ result }: { result: NodeResult }) {
  const [open, setOpen] = useState(true);
  const node = useGraphStore((s) => s.nodes.find((n) => n.id === result.nodeId));
  const label = nodeCatalogue.get(result.nodeType)?.label ?? result.nodeType;
  return (
    <li className="rounded-lg border border-line bg-panel-2 p-2" data-testid="detail-node" data-node-id={result.nodeId} data-status={result.status}>
      <button type="button" className="flex w-full items-center gap-2 text-left text-sm" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
        <span className="font-medium">{label}</span>
        <span className="truncate text-[11px] text-zinc-500">{node ? result.nodeId : `${result.nodeId} (deleted)`}</span>
        <span className={`ml-auto text-[11px] font-semibold uppercase ${STATUS_TONE[result.status]}`}>{result.cached ? "cached" : result.status.toLowerCase()}</span>
        <span className="text-[11px] text-zinc-400">{formatDuration(result.durationMs)}</span>
      </button>
      {open && (
        <>
          {result.error && <p className="mt-1.5 rounded bg-red-500/10 p-1.5 text-xs text-red-200">{result.error}</p>}
          {result.meta?.partial === true && (
            <p data-testid="detail-partial" className="mt-1.5 text-[11px] font-semibold uppercase tracking-wide text-amber-300">
              Partial answer — stopped before the end
            </p>
          )}
          <ResultNotices meta={result.meta} testId="detail-notices" className="mt-1.5" />
          {result.usage && <NodeUsage usage={result.usage} />}
          <Values label="Inputs" values={result.input} nodeId={result.nodeId} />
          <Values label="Outputs" values={result.output} nodeId={result.nodeId} markdown />
        </>
      )}
    </li>
  );
}
