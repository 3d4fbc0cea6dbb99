/** Two texts as one, word by word: added words green, removed ones red and struck through. */
"use client";
import { useMemo } from "react";
import { diffWords } from "@/lib/diff/word-diff";

const TONE = {
  same: "text-zinc-300",
  added: "rounded-sm bg-emerald-500/20 text-emerald-200",
  removed: "rounded-sm bg-red-500/20 text-red-300 line-through decoration-red-300/70",
} as const;

const UNIT_NOTE = {
  word: null,
  line: "Long texts: compared line by line.",
  block: "Very long texts: only where they start and stop differing is shown.",
} as const;

export function WordDiffView({
  before,
  after,
  testId = "word-diff",
}: {
  before: string;
  after: string;
  testId?: string;
}) {
  // Bounded (see word-diff.ts), but not free: not redone on every render of the dialog.
  const diff = useMemo(() => diffWords(before, after), [before, after]);
  const note = UNIT_NOTE[diff.unit];
  return (
    <div data-testid={testId} data-unit={diff.unit}>
      {note && <p className="mb-1 text-[11px] text-zinc-500">{note}</p>}
      <div className="max-h-72 overflow-auto whitespace-pre-wrap break-words rounded-md border border-line bg-black/30 p-2 text-xs leading-relaxed">
        {diff.segments.map((segment, i) =>
          segment.kind === "same" ? (
            <span key={i} className={TONE.same}>
              {segment.text}
            </span>
          ) : segment.kind === "added" ? (
            <ins key={i} data-kind="added" className={`no-underline ${TONE.added}`}>
              {segment.text}
            </ins>
          ) : (
            <del key={i} data-kind="removed" className={TONE.removed}>
              {segment.text}
            </del>
          ),
        )}
        {diff.segments.length === 0 && <span className="text-zinc-500">(both empty)</span>}
      </div>
    </div>
  );
}
