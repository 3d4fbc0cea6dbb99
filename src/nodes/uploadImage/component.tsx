"use client";
import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import { NodeShell } from "@/components/canvas/node-shell";
import { UploadField, type UploadFieldProps } from "@/components/canvas/upload-field";
import { IMAGE_EXTENSIONS } from "./definition";

function UploadImageNodeView({ id, data, selected }: NodeProps) {
  const assetId = typeof data.assetId === "string" ? data.assetId : null;
  const asset = data.asset as UploadFieldProps["asset"];
  return (
    <NodeShell id={id} type="uploadImage" selected={selected} hideOutput>
      <UploadField nodeId={id} kind="image" extensions={IMAGE_EXTENSIONS} assetId={assetId} asset={asset} />
    </NodeShell>
  );
}

export const UploadImageNode = memo(UploadImageNodeView);
