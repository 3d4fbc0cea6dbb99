"use client";
import { memo } from "react";
import { TEXTAREA } from "@/components/canvas/field-styles";
import { NodeShell } from "@/components/canvas/node-shell";
import { readData } from "@/components/canvas/read-data";
import { updateNodeData } from "@/components/canvas/use-node-state";
import type { NodeViewProps } from "../types";
import { ZTextData } from "./definition";

function TextNodeView({ id, data, selected, definition }: NodeViewProps) {
  const { text } = readData(ZTextData, data);
  return (
    <NodeShell id={id} definition={definition} selected={selected}>
      <div className="px-3 py-1.5">
        <textarea
          aria-label="Text"
          data-testid={`text-input-${id}`}
          className={`${TEXTAREA} min-h-24`}
          placeholder="Write text to feed a prompt…"
          value={text ?? ""}
          onChange={(e) => updateNodeData(id, { text: e.currentTarget.value }, "text")}
        />
      </div>
    </NodeShell>
  );
}

export default memo(TextNodeView);
