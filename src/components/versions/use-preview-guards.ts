/**
 * While a version is previewed: the view fits that version (and returns where it was on
 * "Back to current"), Escape goes back, undo/redo are held — they would change the editor's
 * hidden graph, which autosave would then save — and another workflow ends the preview.
 */
import { useReactFlow, type Viewport } from "@xyflow/react";
import { useCallback, useEffect, useRef } from "react";
import { closeVersionPreview } from "@/stores/actions/preview-version";
import { useEditorStore } from "@/stores/editor-store";
import { selectPreviewing, useVersionPreviewStore } from "@/stores/version-preview-store";

// Nodes out of view are never drawn (so never measured): the fit counts their guessed sizes too.
const FIT = { padding: 0.2, maxZoom: 1, duration: 200, includeHiddenNodes: true };

function isUndoOrRedo(e: KeyboardEvent): boolean {
  const key = e.key.toLowerCase();
  return (e.ctrlKey || e.metaKey) && !e.altKey && (key === "z" || key === "y");
}

/** Returns "Back to current": closes the preview and puts the view back. */
export function usePreviewGuards(): () => void {
  const { fitView, getViewport, setViewport } = useReactFlow();
  const before = useRef<Viewport | null>(null);

  const back = useCallback(() => {
    const view = before.current;
    closeVersionPreview();
    if (view) void setViewport(view, { duration: 200 });
  }, [setViewport]);

  useEffect(
    () =>
      useVersionPreviewStore.subscribe((s, prev) => {
        if (s.version === null) before.current = null; // closed some other way (a restore): keep the view
        else if (prev.version === null) before.current = getViewport();
        if (s.graph && s.summary?.version !== prev.summary?.version) void fitView(FIT);
      }),
    [fitView, getViewport],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!selectPreviewing(useVersionPreviewStore.getState())) return;
      if (isUndoOrRedo(e)) {
        // Capture phase on window: the editor's shortcut listener (bubble phase) never sees it.
        e.preventDefault();
        e.stopPropagation();
      } else if (e.key === "Escape" && !(e.target instanceof HTMLElement && e.target.closest("input, textarea, [role=dialog]"))) {
        back();
      }
    };
    window.addEventListener("keydown", onKey, { capture: true });
    return () => window.removeEventListener("keydown", onKey, { capture: true });
  }, [back]);

  // Leaving the editor, or opening another workflow in it, ends the preview: it belongs to one workflow.
  useEffect(() => {
    const offWorkflow = useEditorStore.subscribe((s, prev) => s.workflowId !== prev.workflowId && closeVersionPreview());
    return () => {
      offWorkflow();
      closeVersionPreview();
    };
  }, []);

  return back;
}
