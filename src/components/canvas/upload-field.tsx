/** Click or drop a file onto an upload node: progress bar, then a preview or player. */
"use client";
import { useRef, useState } from "react";
import { errorText } from "@/lib/client/api";
import { uploadFile } from "@/lib/client/upload";
import type { Asset } from "@/lib/client/types";
import { ImagePreview } from "./result-view";
import { updateNodeData } from "./use-node-state";

export interface UploadFieldProps {
  nodeId: string;
  kind: "image" | "video";
  extensions: readonly string[];
  assetId: string | null | undefined;
  asset: Pick<Asset, "url"> & Partial<Asset> | undefined;
}

export function UploadField({ nodeId, kind, extensions, assetId, asset }: UploadFieldProps) {
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const url = asset?.url ?? (assetId ? `/api/files/${assetId}` : null);

  const start = (file: File | undefined) => {
    if (!file) return;
    const ext = file.name.split(".").pop()?.toLowerCase() ?? "";
    if (!extensions.includes(ext)) return setError(`Use a ${extensions.join(", ")} file`);
    setError(null);
    setProgress(0);
    uploadFile(file, setProgress)
      .promise.then((a) => {
        const keep = { url: a.url, mime: a.mime, size: a.size, width: a.width, height: a.height, originalName: a.originalName ?? file.name };
        updateNodeData(nodeId, { assetId: a.id, asset: keep });
      })
      .catch((e: unknown) => setError(errorText(e)))
      .finally(() => setProgress(null));
  };

  return (
    <div className="px-3 py-1.5">
      <input
        ref={input}
        type="file"
        hidden
        data-testid={`file-input-${nodeId}`}
        accept={extensions.map((e) => `.${e}`).join(",")}
        onChange={(e) => {
          start(e.currentTarget.files?.[0]);
          e.currentTarget.value = "";
        }}
      />
      {url && progress === null && (
        <div className="mb-2">
          {kind === "image" ? (
            <ImagePreview src={url} alt={asset?.originalName ?? "Uploaded image"} testId={`preview-${nodeId}`} />
          ) : (
            <video src={url} controls className="nodrag w-full rounded-md" data-testid={`preview-${nodeId}`} />
          )}
        </div>
      )}
      <button
        type="button"
        data-testid={`upload-${nodeId}`}
        className={`nodrag flex w-full flex-col items-center gap-1 rounded-md border border-dashed px-3 py-3 text-xs ${over ? "border-violet-400 bg-violet-500/10" : "border-line hover:border-zinc-500"}`}
        onClick={() => input.current?.click()}
        onDragOver={(e) => {
          e.preventDefault();
          e.stopPropagation();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          e.stopPropagation();
          setOver(false);
          start(e.dataTransfer.files[0]);
        }}
      >
        <span className="text-zinc-300">{url ? `Replace ${kind}` : `Click or drop ${kind === "image" ? "an image" : "a video"}`}</span>
        <span className="text-zinc-500">{extensions.join(" · ")}</span>
      </button>
      {progress !== null && (
        <div className="mt-2 h-1.5 overflow-hidden rounded bg-white/10" role="progressbar" aria-label="Upload progress" aria-valuenow={Math.round(progress * 100)}>
          <div className="h-full bg-violet-500 transition-all" style={{ width: `${Math.round(progress * 100)}%` }} />
        </div>
      )}
      {error && <p role="alert" className="mt-1 text-xs text-red-300">{error}</p>}
    </div>
  );
}
