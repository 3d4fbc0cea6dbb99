/**
 * A frame: a titled, tinted rectangle drawn behind nodes (its definition's zIndex). The title
 * is edited in place, the colour from the palette, the size by its corners (NodeResizer sets
 * the saved `width`/`height`); dragging it by its title bar carries the nodes inside
 * (`stores/frame-drag.ts`); its body lets presses through to the canvas (`frame.css`).
 */
"use client";
import { NodeResizer } from "@xyflow/react";
import { memo } from "react";
import "./frame.css";
import { AnnotationColorMenu } from "@/components/canvas/annotation-color-menu";
import { readData } from "@/components/canvas/read-data";
import { updateNodeData } from "@/components/canvas/use-node-state";
import { annotationHex } from "../annotation-colors";
import type { NodeViewProps } from "../types";
import { MAX_FRAME_TITLE_CHARS, ZFrameData } from "./definition";

function FrameView({ id, data, selected, definition }: NodeViewProps) {
  const { title = "", color } = readData(ZFrameData, data);
  const hex = annotationHex(color, definition.color);
  return (
    <div
      data-testid={`node-${id}`}
      data-node-type={definition.type}
      data-color={color ?? ""}
      className="flex h-full w-full flex-col rounded-xl border-2"
      style={{ background: `color-mix(in srgb, ${hex} 7%, transparent)`, borderColor: selected ? hex : `color-mix(in srgb, ${hex} 40%, transparent)` }}
    >
      <NodeResizer isVisible={selected} minWidth={160} minHeight={100} color={hex} />
      <div data-testid="node-header" data-frame-grip className="flex items-center gap-2 rounded-t-lg px-3 py-1.5" style={{ background: `color-mix(in srgb, ${hex} 22%, transparent)` }}>
        <input
          aria-label="Frame title"
          data-testid={`frame-title-${id}`}
          // As wide as its text: the rest of the title bar is where the frame is grabbed.
          style={{ width: `${Math.max(title.length, 5) + 2}ch` }}
          className="nodrag min-w-0 max-w-full bg-transparent text-sm font-semibold text-zinc-100 placeholder:text-zinc-500 focus:outline-none"
          placeholder="Frame"
          maxLength={MAX_FRAME_TITLE_CHARS}
          value={title}
          onChange={(e) => updateNodeData(id, { title: e.currentTarget.value }, "title")}
          onKeyDown={(e) => (e.key === "Enter" || e.key === "Escape") && e.currentTarget.blur()}
        />
        <span className="flex-1" />
        <AnnotationColorMenu nodeId={id} hex={hex} />
      </div>
    </div>
  );
}

export default memo(FrameView);
