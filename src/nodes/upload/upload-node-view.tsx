"use client";
import { memo } from "react";
import { NodeShell } from "@/components/canvas/node-shell";
import { UploadField, type UploadFieldProps } from "@/components/canvas/upload-field";
import type { NodeView, NodeViewProps } from "../types";
import type { UploadNodeOptions } from "./define-upload-node";

/** An upload node's view: click or drop a file, then its preview (image) or player (video). */
export function createUploadNodeView({ kind, extensions }: Pick<UploadNodeOptions, "kind" | "extensions">): NodeView {
  function UploadNodeView({ id, data, selected, definition }: NodeViewProps) {
    const assetId = typeof data.assetId === "string" ? data.assetId : null;
    const asset = data.asset as UploadFieldProps["asset"];
    return (
      <NodeShell id={id} definition={definition} selected={selected}>
        <UploadField nodeId={id} kind={kind} extensions={extensions} assetId={assetId} asset={asset} />
      </NodeShell>
    );
  }
  return memo(UploadNodeView);
}
