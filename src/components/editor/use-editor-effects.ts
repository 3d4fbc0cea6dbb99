/**
 * Editor-wide behaviour: debounced autosave, local drafts on every change (leaving the
 * editor is `leave-guard.tsx`'s), the keyboard shortcuts (Ctrl+Z / Ctrl+Shift+Z / Ctrl+S / Ctrl+Enter),
 * and the run queries kept in step with the live run.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { staleKeysAfter } from "@/lib/client/queries/live-run";
import { runWorkflow } from "@/stores/actions/run-workflow";
import { keepDraft, saveNow } from "@/stores/actions/save-workflow";
import { useEditorStore } from "@/stores/editor-store";
import { useGraphStore } from "@/stores/graph-store";
import { useRunStore } from "@/stores/run-store";

const AUTOSAVE_MS = 1200;
const DRAFT_MS = 250;

export function useAutosave(): void {
  useEffect(() => {
    let saveTimer: ReturnType<typeof setTimeout> | undefined;
    let draftTimer: ReturnType<typeof setTimeout> | undefined;
    const changed = () => {
      clearTimeout(draftTimer);
      draftTimer = setTimeout(keepDraft, DRAFT_MS);
      clearTimeout(saveTimer);
      saveTimer = setTimeout(() => {
        if (!useEditorStore.getState().conflict) void saveNow();
      }, AUTOSAVE_MS);
    };
    const offGraph = useGraphStore.subscribe((s, prev) => s.revision !== prev.revision && changed());
    const offName = useEditorStore.subscribe((s, prev) => s.name !== prev.name && s.nameDirty && changed());
    return () => {
      offGraph();
      offName();
      clearTimeout(saveTimer);
      clearTimeout(draftTimer);
    };
  }, []);
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key === "z" && !e.shiftKey) useGraphStore.getState().undo();
      else if ((key === "z" && e.shiftKey) || key === "y") useGraphStore.getState().redo();
      else if (key === "s") void saveNow();
      else if (key === "enter") void runWorkflow();
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}

/** History, run detail and the workflow list refetch as the live run begins, moves and ends. */
export function useLiveRunQueries(): void {
  const client = useQueryClient();
  useEffect(
    () =>
      useRunStore.subscribe((next, prev) => {
        for (const queryKey of staleKeysAfter(prev, next)) void client.invalidateQueries({ queryKey });
      }),
    [client],
  );
}
