"use client";
import { useEditorStore } from "@/stores/editor-store";
import { useGraphStore } from "@/stores/graph-store";

/** "Saved" / "Unsaved changes" / "Saving…" / "Not saved" (the reason, in full, is in the banner below the toolbar). */
export function SaveIndicator() {
  const status = useEditorStore((s) => s.status);
  const error = useEditorStore((s) => s.error);
  const nameDirty = useEditorStore((s) => s.nameDirty);
  const savedRevision = useEditorStore((s) => s.savedRevision);
  const revision = useGraphStore((s) => s.revision);
  const dirty = nameDirty || revision !== savedRevision;
  const shown = status === "saving" ? "saving" : status === "error" ? "error" : dirty ? "dirty" : "saved";
  const text = { saving: "Saving…", error: "Not saved", dirty: "Unsaved changes", saved: "All changes saved" }[shown];
  const tone = { saving: "text-zinc-400", error: "text-red-300", dirty: "text-amber-300", saved: "text-zinc-500" }[shown];
  return (
    <span data-testid="save-status" data-state={shown} className={`max-w-72 truncate text-xs ${tone}`} title={shown === "error" ? `Not saved: ${error ?? "the save did not go through"}` : text}>
      {text}
    </span>
  );
}
