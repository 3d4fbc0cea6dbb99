/**
 * A sticky note: its Markdown drawn safely (`components/markdown`), edited in a text box on
 * double-click or with the ✎ button, coloured from the palette, resized by its corners
 * (React Flow's NodeResizer sets the node's `width`/`height`, which are saved).
 */
"use client";
import { NodeResizer } from "@xyflow/react";
import { memo, useState } from "react";
import { AnnotationColorMenu } from "@/components/canvas/annotation-color-menu";
import { NodeIcon } from "@/components/canvas/node-icon";
import { readData } from "@/components/canvas/read-data";
import { updateNodeData } from "@/components/canvas/use-node-state";
import { MarkdownView } from "@/components/markdown/markdown-view";
import { annotationHex } from "../annotation-colors";
import type { NodeViewProps } from "../types";
import { ZNoteData } from "./definition";

function NoteView({ id, data, selected, definition }: NodeViewProps) {
  const { text = "", color } = readData(ZNoteData, data);
  const [editing, setEditing] = useState(false);
  const hex = annotationHex(color, definition.color);
  return (
    <div
      data-testid={`node-${id}`}
      data-node-type={definition.type}
      data-color={color ?? ""}
      className="flex h-full w-full flex-col overflow-hidden rounded-lg border text-sm shadow-lg shadow-black/40"
      style={{ background: `color-mix(in srgb, ${hex} 14%, #18181f)`, borderColor: selected ? hex : `color-mix(in srgb, ${hex} 45%, transparent)` }}
      onDoubleClick={(e) => {
        e.stopPropagation();
        setEditing(true);
      }}
    >
      <NodeResizer isVisible={selected} minWidth={140} minHeight={80} color={hex} />
      <div data-testid="node-header" className="flex items-center gap-1.5 px-2 py-1" style={{ color: hex }}>
        <NodeIcon path={definition.icon} className="h-3.5 w-3.5" />
        <span className="flex-1 text-[11px] font-medium uppercase tracking-wider opacity-80">Note</span>
        <button
          type="button"
          aria-label={editing ? "Done editing note" : "Edit note"}
          aria-pressed={editing}
          data-testid={`note-edit-${id}`}
          className="nodrag rounded px-1 text-xs text-zinc-300 hover:bg-white/10"
          onClick={() => setEditing((v) => !v)}
        >
          {editing ? "✓" : "✎"}
        </button>
        <AnnotationColorMenu nodeId={id} hex={hex} />
      </div>
      {editing ? (
        <textarea
          aria-label="Note text (Markdown)"
          data-testid={`note-text-${id}`}
          autoFocus
          className="nodrag nowheel min-h-0 flex-1 resize-none bg-black/20 px-3 py-2 font-mono text-xs leading-relaxed text-zinc-100 focus:outline-none"
          placeholder="Write in Markdown: ## heading, **bold**, - list"
          value={text}
          onChange={(e) => updateNodeData(id, { text: e.currentTarget.value }, "text")}
          onBlur={() => setEditing(false)}
          onKeyDown={(e) => e.key === "Escape" && setEditing(false)}
        />
      ) : (
        <div className="nowheel min-h-0 flex-1 overflow-auto px-3 pb-2">
          {text.trim() ? (
            <MarkdownView text={text} testId={`note-view-${id}`} />
          ) : (
            <p className="text-xs italic text-zinc-500">Double-click to write a note…</p>
          )}
        </div>
      )}
    </div>
  );
}

export default memo(NoteView);
