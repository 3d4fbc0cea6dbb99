/**
 * Editor-wide behaviour: debounced autosave, local drafts on every change (leaving the
 * editor is `leave-guard.tsx`'s) and the run queries kept in step with the live run.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { staleKeysAfter } from "@/lib/client/queries/live-run";
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
