/**
 * Where a node's run shows (its result, a streaming answer, an error, why it was skipped):
 * the same height empty or full, so a result arriving never grows the node over its
 * neighbours. Long content scrolls inside; "Expand" makes the area taller on request.
 */
"use client";
import { useState, type ReactNode } from "react";

export function ResultArea({ nodeId, usage, children }: { nodeId: string; usage?: ReactNode; children: ReactNode }) {
  const [expanded, setExpanded] = useState(false);
  return (
    <div className="mx-3 mb-3 rounded-md border border-line bg-black/20" data-testid={`result-area-${nodeId}`} data-expanded={expanded}>
      <div className="flex h-6 items-center gap-2 border-b border-line px-2 text-[11px] text-zinc-400">
        <span className="shrink-0 font-semibold uppercase tracking-wide text-zinc-500">Result</span>
        <span className="min-w-0 flex-1 truncate">{usage}</span>
        <button
          type="button"
          data-testid={`result-expand-${nodeId}`}
          aria-expanded={expanded}
          className="nodrag shrink-0 rounded px-1.5 text-zinc-400 hover:bg-white/10 hover:text-white"
          onClick={() => setExpanded((v) => !v)}
        >
          {expanded ? "Fold" : "Expand"}
        </button>
      </div>
      <div data-result-scroll className={`nowheel nodrag cursor-text select-text overflow-auto py-2 ${expanded ? "h-[28rem]" : "h-48"}`}>
        {children}
        <p className="hidden text-xs text-zinc-500 only:block">No result yet: run the workflow, or this node with ▶.</p>
      </div>
    </div>
  );
}
