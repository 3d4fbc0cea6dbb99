/**
 * One node of a comparison: its name and type, how it ended in each run, its time and usage
 * with B's deltas, and, when it changed, what changed (params, inputs, outputs).
 */
"use client";
import { useState } from "react";
import { formatDuration, formatUsage } from "@/components/ui/format";
import type { TCompareNode, TCompareNodeSide } from "@/contracts/run-compare";
import type { PortType } from "@/engine/node-catalogue";
import { nodeStatusWord } from "@/lib/node-status";
import { nodeCatalogue } from "@/nodes/registry";
import type { NodePort } from "@/nodes/types";
import { costDelta, durationDelta, tokenDelta, usedCost, usedTokens } from "./deltas";
import { DeltaText } from "./delta-text";
import { isNodeChanged, onlyIn } from "./node-change";
import { ValueDiffList } from "./value-diff-list";

const STATUS_TONE: Record<TCompareNodeSide["status"], string> = {
  SUCCESS: "text-emerald-300",
  FAILED: "text-red-300",
  SKIPPED: "text-zinc-400",
  RUNNING: "text-violet-200",
  IDLE: "text-zinc-500",
};

const portTypes = (ports: Record<string, NodePort> | undefined): Record<string, PortType> =>
  Object.fromEntries(Object.entries(ports ?? {}).map(([name, port]) => [name, port.type]));

/** The parts of a node compared side by side, in this order; inputs and outputs are read by port type. */
const SECTIONS = [
  { key: "params", title: "Params", ports: null },
  { key: "inputs", title: "Inputs", ports: "inputs" },
  { key: "outputs", title: "Outputs", ports: "outputs" },
] as const;

export function CompareNodeRow({ node }: { node: TCompareNode }) {
  const changed = isNodeChanged(node);
  const [open, setOpen] = useState(changed);
  const definition = nodeCatalogue.get(node.type);
  const typeName = definition?.label ?? node.type;
  const side = onlyIn(node);
  const showBody = open && node.a !== null && node.b !== null;
  return (
    <li
      data-testid={`compare-node-${node.nodeId}`}
      data-changed={String(changed)}
      data-only={side ? (node.a ? "a" : "b") : undefined}
      className={`rounded-lg border bg-panel-2 ${changed ? "border-amber-500/30" : "border-line"}`}
    >
      <button
        type="button"
        aria-expanded={open}
        className="flex w-full flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-left text-sm"
        onClick={() => setOpen((v) => !v)}
      >
        <span className="font-medium">{node.label}</span>
        {typeName !== node.label && <span className="text-[11px] text-zinc-500">{typeName}</span>}
        {side && (
          <span
            data-testid="compare-node-only"
            className="rounded bg-white/10 px-1.5 py-0.5 text-[11px] text-zinc-300"
          >
            {side}
          </span>
        )}
        <span className="ml-auto flex items-center gap-1.5 text-[11px] font-semibold uppercase">
          <SideStatus side={node.a} testId="compare-node-status-a" />
          <span className="text-zinc-600">→</span>
          <SideStatus side={node.b} testId="compare-node-status-b" />
        </span>
      </button>
      {open && (
        <div className="space-y-3 border-t border-line/60 px-3 pb-3 pt-2">
          <NodeFigures a={node.a} b={node.b} />
          {showBody && node.a && node.b && (
            <>
              <Errors a={node.a.error} b={node.b.error} />
              {SECTIONS.filter(({ key }) => node.changed[key]).map(({ key, title, ports }) => (
                <ValueDiffList
                  key={key}
                  title={title}
                  before={node.a![key]}
                  after={node.b![key]}
                  portTypes={ports ? portTypes(definition?.[ports]) : undefined}
                  testId={`compare-${key}-${node.nodeId}`}
                />
              ))}
            </>
          )}
        </div>
      )}
    </li>
  );
}

function SideStatus({ side, testId }: { side: TCompareNodeSide | null; testId: string }) {
  if (!side)
    return (
      <span data-testid={testId} className="font-normal normal-case text-zinc-600">
        absent
      </span>
    );
  // The comparison carries no meta: a cancel is read from the error it wrote.
  const label = side.status === "IDLE" ? "not run" : nodeStatusWord({ ...side, meta: null });
  return (
    <span data-testid={testId} data-status={side.status} className={STATUS_TONE[side.status]}>
      {label}
    </span>
  );
}

/** Duration and usage of each side, and B's deltas when the node is in both runs. */
function NodeFigures({ a, b }: { a: TCompareNodeSide | null; b: TCompareNodeSide | null }) {
  const usage = (s: TCompareNodeSide | null) =>
    !s ? "—" : s.usage ? formatUsage(s.usage) : "no model calls";
  const both = a !== null && b !== null;
  return (
    <dl className="grid grid-cols-[5rem_1fr_1fr_1fr] gap-x-3 gap-y-0.5 text-[11px]">
      <dt aria-hidden="true" />
      {["Run A", "Run B", both ? "B − A" : ""].map((h) => (
        <dd key={h} className="text-[10px] uppercase tracking-wider text-zinc-600">
          {h}
        </dd>
      ))}
      <dt className="text-zinc-500">Duration</dt>
      <dd className="tabular-nums">{a ? formatDuration(a.durationMs) : "—"}</dd>
      <dd className="tabular-nums">{b ? formatDuration(b.durationMs) : "—"}</dd>
      <dd>
        {both && (
          <DeltaText testId="compare-node-delta-duration" delta={durationDelta(a.durationMs, b.durationMs)} />
        )}
      </dd>
      <dt className="text-zinc-500">Usage</dt>
      <dd className="tabular-nums">{usage(a)}</dd>
      <dd className="tabular-nums">{usage(b)}</dd>
      <dd className="flex flex-wrap gap-x-2">
        {both && (a.usage || b.usage) && (
          <>
            <DeltaText
              testId="compare-node-delta-tokens"
              delta={tokenDelta(usedTokens(a.usage), usedTokens(b.usage))}
            />
            <DeltaText
              testId="compare-node-delta-cost"
              delta={costDelta(usedCost(a.usage), usedCost(b.usage))}
            />
          </>
        )}
      </dd>
    </dl>
  );
}

function Errors({ a, b }: { a: string | null; b: string | null }) {
  if (!a && !b) return null;
  return (
    <div className="grid grid-cols-2 gap-2 text-xs">
      {[a, b].map((error, i) => (
        <p key={i} className={error ? "rounded bg-red-500/10 p-1.5 text-red-200" : "p-1.5 text-zinc-600"}>
          {error ?? "no error"}
        </p>
      ))}
    </div>
  );
}
