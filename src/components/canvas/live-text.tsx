/**
 * A node's answer while it streams (Markdown growing, a blinking caret, "retrying (attempt
 * 2)…" when a retry started it over), and the partial text a failed or canceled node kept.
 * The final `node` event's output replaces it (the shell then shows the result itself).
 */
"use client";
import { useEffect, useRef } from "react";
import { MarkdownView } from "@/components/markdown/markdown-view";
import { useThrottled } from "@/components/markdown/use-throttled";
import type { NodeResult } from "@/lib/client/types";
import type { NodeStream } from "@/stores/node-streams";
import { useRunStore } from "@/stores/run-store";
import { TextResult } from "./result-view";
import { useNodeResult } from "./use-node-state";

/** At most ~20 parses and redraws a second per node, however fast deltas arrive. */
const REDRAW_MS = 50;

const CARET = <span aria-hidden data-testid="stream-caret" className="galaxy-caret ml-0.5 inline-block h-3 w-1.5 translate-y-0.5 bg-violet-300" />;

export function LiveText({ nodeId }: { nodeId: string }) {
  const result = useNodeResult(nodeId);
  const stream = useRunStore((s) => s.streams[nodeId]);
  return <LiveTextView nodeId={nodeId} result={result} stream={stream} />;
}

export function LiveTextView({ nodeId, result, stream }: { nodeId: string; result: NodeResult | undefined; stream: NodeStream | undefined }) {
  // A delta may overtake the node's RUNNING event (that one is written to the database first):
  // text of this run (a new run drops the old streams) shows at once either way.
  if (!result || result.status === "RUNNING" || result.status === "IDLE") {
    if (!stream || (stream.attempt === 1 && !stream.text)) return null;
    return <Streaming nodeId={nodeId} attempt={stream.attempt} text={stream.text} />;
  }
  if (result?.status !== "FAILED") return null;
  const kept = result.output?.output;
  const partial = typeof kept === "string" && kept ? kept : stream?.text;
  if (!partial) return null;
  return (
    <div className="px-2" data-testid={`partial-${nodeId}`}>
      <p className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-amber-300">Partial answer — stopped before the end</p>
      <TextResult text={partial} testId={`partial-text-${nodeId}`} partial bounded={false} />
    </div>
  );
}

function Streaming({ nodeId, attempt, text }: { nodeId: string; attempt: number; text: string }) {
  const shown = useThrottled(text, REDRAW_MS);
  const self = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Follow the growing answer in the node's result area, unless the reader scrolled up to read.
    const area = self.current?.closest<HTMLElement>("[data-result-scroll]");
    if (area && area.scrollHeight - area.scrollTop - area.clientHeight < 96) area.scrollTop = area.scrollHeight;
  }, [shown]);
  return (
    <div ref={self} className="px-2" aria-live="off">
      {attempt > 1 && (
        <p data-testid={`stream-retry-${nodeId}`} className="mb-1 text-[11px] text-amber-300">
          Retrying (attempt {attempt}) — the answer starts over…
        </p>
      )}
      <div className="rounded-md border border-violet-500/30 bg-black/30 p-2">
        <MarkdownView text={shown} tail={CARET} testId={`stream-text-${nodeId}`} />
      </div>
    </div>
  );
}
