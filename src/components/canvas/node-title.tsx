/**
 * A node's title in its header: its name (`data.label`) or its type's. Double-click (or F2, or
 * the ⋯ menu's Rename) edits it in place: Enter or leaving the field saves as one undo step,
 * Escape cancels, an empty name brings the type's name back.
 */
"use client";
import { useStore } from "@xyflow/react";
import { useRef } from "react";
import { MAX_NODE_LABEL_CHARS } from "@/engine/graph-schema";
import { renameNode, startRename, stopRename } from "@/stores/actions/rename-node";
import { useUiStore } from "@/stores/ui-store";

function labelOf(data: Record<string, unknown> | undefined): string {
  return typeof data?.label === "string" ? data.label.trim() : "";
}

export function NodeTitle({ id, typeName }: { id: string; typeName: string }) {
  // The drawn node's own data (the editor's graph, or a previewed version's): one lookup, not a scan.
  const label = useStore((s) => labelOf(s.nodeLookup.get(id)?.data));
  const renaming = useUiStore((s) => s.renamingNodeId === id);
  if (renaming) return <TitleEditor id={id} label={label} typeName={typeName} />;
  return (
    <span
      data-testid={`node-title-${id}`}
      title={label ? `${label} (${typeName}) — double-click to rename` : "Double-click to rename"}
      className="min-w-0 truncate font-medium text-zinc-100"
      onDoubleClick={(e) => {
        e.stopPropagation();
        startRename(id);
      }}
    >
      {label || typeName}
    </span>
  );
}

function TitleEditor({ id, label, typeName }: { id: string; label: string; typeName: string }) {
  // Enter saves and unmounts the field; a blur after that must not save again.
  const finished = useRef(false);
  const finish = (save: boolean, value: string) => {
    if (finished.current) return;
    finished.current = true;
    if (save) renameNode(id, value);
    stopRename();
  };
  return (
    <input
      autoFocus
      data-testid={`node-title-input-${id}`}
      aria-label={`Name of this ${typeName} node`}
      placeholder={typeName}
      defaultValue={label}
      maxLength={MAX_NODE_LABEL_CHARS}
      className="nodrag nopan min-w-0 flex-1 rounded border border-violet-400 bg-panel-2 px-1 py-0.5 font-medium text-zinc-100 outline-none"
      onFocus={(e) => e.currentTarget.select()}
      onBlur={(e) => finish(true, e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === "Enter") finish(true, e.currentTarget.value);
        else if (e.key === "Escape") finish(false, "");
        else return;
        e.preventDefault();
        e.stopPropagation();
      }}
    />
  );
}
