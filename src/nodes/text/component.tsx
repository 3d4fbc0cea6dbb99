"use client";
import { memo } from "react";
import { NodeShell } from "@/components/canvas/node-shell";
import { readData } from "@/components/canvas/read-data";
import { NodeTextArea } from "@/components/canvas/node-text-area";
import type { NodeViewProps } from "../types";
import { ZTextData } from "./definition";

function TextNodeView({ id, data, selected, definition }: NodeViewProps) {
  const { text } = readData(ZTextData, data);
  return (
    <NodeShell id={id} definition={definition} selected={selected}>
      <div className="px-3 py-1.5">
        <NodeTextArea nodeId={id} field="text" label="Text" placeholder="Write text to feed a prompt…" value={text} testId={`text-input-${id}`} className="min-h-24" />
      </div>
    </NodeShell>
  );
}

export default memo(TextNodeView);
