"use client";
import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import { NodeShell } from "@/components/canvas/node-shell";
import { UploadField, type UploadFieldProps } from "@/components/canvas/upload-field";
import { VIDEO_EXTENSIONS } from "./definition";

function UploadVideoNodeView({ id, data, selected }: NodeProps) {
  const assetId = typeof data.assetId === "string" ? data.assetId : null;
  const asset = data.asset as UploadFieldProps["asset"];
  return (
    <NodeShell id={id} type="uploadVideo" selected={selected} hideOutput>
      <UploadField nodeId={id} kind="video" extensions={VIDEO_EXTENSIONS} assetId={assetId} asset={asset} />
    </NodeShell>
  );
}

export const UploadVideoNode = memo(UploadVideoNodeView);
