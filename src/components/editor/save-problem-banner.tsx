/**
 * A save that failed, said in full under the toolbar with the ways out: try again, keep the
 * changes as a file, or go back to the saved workflow. It never blocks editing or running.
 */
"use client";
import { useState } from "react";
import { discardUnsavedChanges, saveNow } from "@/stores/actions/save-workflow";
import { useEditorStore } from "@/stores/editor-store";
import { toast } from "@/stores/toast-store";
import { downloadCanvas } from "./transfer";

const BTN = "rounded-md border border-red-400/40 px-2.5 py-1 text-xs text-red-50 hover:bg-red-400/20 disabled:opacity-50";

export function SaveProblemBanner() {
  const failed = useEditorStore((s) => s.status === "error" && !s.conflict);
  const error = useEditorStore((s) => s.error);
  const [busy, setBusy] = useState(false);
  if (!failed) return null;

  const act = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await fn();
    } finally {
      setBusy(false);
    }
  };
  const discard = async () => {
    if (await discardUnsavedChanges()) toast("Back to the saved workflow — Ctrl+Z brings your changes back", "info", 6000);
  };

  return (
    <div role="alert" data-testid="save-problem" className="flex shrink-0 flex-wrap items-center gap-x-3 gap-y-1.5 border-b border-red-500/40 bg-red-950/60 px-4 py-2 text-sm text-red-100">
      <p className="min-w-0 flex-1">
        <span className="font-medium">Your latest changes are not saved.</span> <span data-testid="save-problem-reason">{error ?? "The save did not go through."}</span>{" "}
        <span className="text-red-200/80">They are kept in this browser; running uses the graph on the canvas.</span>
      </p>
      <div className="flex shrink-0 gap-2">
        <button type="button" className={BTN} disabled={busy} data-testid="save-problem-retry" onClick={() => void act(saveNow)}>Try again</button>
        <button type="button" className={BTN} data-testid="save-problem-download" onClick={downloadCanvas}>Download JSON</button>
        <button type="button" className={BTN} disabled={busy} data-testid="save-problem-discard" onClick={() => void act(discard)}>Discard changes</button>
      </div>
    </div>
  );
}
