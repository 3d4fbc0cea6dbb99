/**
 * Two runs side by side over the editor (DESIGN §9 "Run comparison"): both runs with B's
 * deltas, then node by node — the changed ones open with their diffs, the rest folded under
 * "N nodes unchanged". A is the older run, so deltas read as "what changed since".
 */
"use client";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { TCompareNode } from "@/contracts/run-compare";
import { errorText } from "@/lib/client/api";
import { compareRunsQuery } from "@/lib/client/queries/compare";
import { CompareHeader } from "./compare-header";
import { CompareNodeRow } from "./compare-node-row";
import { isNodeChanged } from "./node-change";

export function CompareView({ a, b, onClose }: { a: string; b: string; onClose: () => void }) {
  const { data, error, isPending } = useQuery(compareRunsQuery(a, b));
  const box = useRef<HTMLDivElement>(null);
  // As the small modal does: focus moves in, so Escape and Tab stay inside the dialog.
  useEffect(() => box.current?.focus(), []);
  return (
    <div
      className="fixed inset-0 z-50 flex items-center justify-center bg-black/60 p-6"
      onKeyDown={(e) => e.key === "Escape" && onClose()}
      onClick={(e) => e.target === e.currentTarget && onClose()}
    >
      <div
        ref={box}
        tabIndex={-1}
        role="dialog"
        aria-modal="true"
        aria-label="Compare runs"
        data-testid="compare-view"
        className="flex h-full max-h-[54rem] w-full max-w-6xl flex-col rounded-xl border border-line bg-panel shadow-2xl outline-none"
      >
        <div className="flex items-center gap-3 border-b border-line px-5 py-3">
          <h2 className="text-lg font-semibold">Compare runs</h2>
          {data && <Summary nodes={data.nodes} />}
          <button
            type="button"
            aria-label="Close comparison"
            data-testid="compare-close"
            className="ml-auto rounded px-2 py-1 text-zinc-400 hover:bg-white/10 hover:text-white"
            onClick={onClose}
          >
            ✕
          </button>
        </div>
        <div className="min-h-0 flex-1 space-y-4 overflow-y-auto px-5 py-4">
          {error && (
            <p role="alert" className="text-sm text-red-300">
              {errorText(error)}
            </p>
          )}
          {isPending && <p className="text-sm text-zinc-500">Comparing…</p>}
          {data && (
            <>
              <CompareHeader a={data.a} b={data.b} />
              <NodeList nodes={data.nodes} />
            </>
          )}
        </div>
      </div>
    </div>
  );
}

function Summary({ nodes }: { nodes: TCompareNode[] }) {
  const changed = nodes.filter(isNodeChanged).length;
  return (
    <span data-testid="compare-summary" className="text-xs text-zinc-400">
      {changed === 0
        ? "no node changed"
        : `${changed} of ${nodes.length} ${nodes.length === 1 ? "node" : "nodes"} changed`}
    </span>
  );
}

function NodeList({ nodes }: { nodes: TCompareNode[] }) {
  const [showSame, setShowSame] = useState(false);
  const changed = nodes.filter(isNodeChanged);
  const same = nodes.filter((n) => !isNodeChanged(n));
  if (nodes.length === 0) return <p className="text-sm text-zinc-500">Neither run has nodes.</p>;
  return (
    <div className="space-y-2">
      <ol className="space-y-2" data-testid="compare-changed">
        {changed.map((node) => (
          <CompareNodeRow key={node.nodeId} node={node} />
        ))}
      </ol>
      {same.length > 0 && (
        <div>
          <button
            type="button"
            data-testid="compare-unchanged-toggle"
            aria-expanded={showSame}
            className="flex items-center gap-1.5 rounded-md px-2 py-1 text-xs text-zinc-400 hover:bg-white/5 hover:text-white"
            onClick={() => setShowSame((v) => !v)}
          >
            <span aria-hidden="true">{showSame ? "▾" : "▸"}</span>
            {same.length} {same.length === 1 ? "node" : "nodes"} unchanged
          </button>
          {/* Kept in the DOM while folded: a node's row answers "did it change?" either way. */}
          <ol className={`mt-2 space-y-2 ${showSame ? "" : "hidden"}`} data-testid="compare-unchanged">
            {same.map((node) => (
              <CompareNodeRow key={node.nodeId} node={node} />
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
