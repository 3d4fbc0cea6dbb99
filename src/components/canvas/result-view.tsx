/** A node's output shown inline, by port type: text (scrollable, with copy), image preview with its size, or a video player. */
"use client";
import { useState } from "react";
import type { NodePort } from "@/nodes/types";

export function ImagePreview({ src, alt, testId }: { src: string; alt: string; testId?: string }) {
  const [size, setSize] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  return (
    <figure className="overflow-hidden rounded-md border border-line bg-black/40">
      {/* eslint-disable-next-line @next/next/no-img-element -- user files served by the API, any size */}
      <img
        src={attempt === 0 ? src : `${src}${src.includes("?") ? "&" : "?"}retry=${attempt}`}
        alt={alt}
        data-testid={testId}
        className="max-h-48 w-full object-contain"
        onLoad={(e) => setSize(`${e.currentTarget.naturalWidth} × ${e.currentTarget.naturalHeight}`)}
        // A file that is still being written or a server busy starting: try again a few times.
        onError={() => attempt < 3 && setTimeout(() => setAttempt((a) => a + 1), 1000 * (attempt + 1))}
      />
      {size && <figcaption className="px-2 py-1 text-[11px] text-zinc-400" data-testid={testId ? `${testId}-size` : undefined}>{size} px</figcaption>}
    </figure>
  );
}

export function TextResult({ text, testId }: { text: string; testId?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="relative rounded-md border border-line bg-black/30">
      <button
        type="button"
        aria-label="Copy output"
        className="nodrag absolute right-1 top-1 rounded bg-white/10 px-1.5 py-0.5 text-[11px] hover:bg-white/20"
        onClick={() => {
          void navigator.clipboard?.writeText(text).then(() => setCopied(true));
          setTimeout(() => setCopied(false), 1200);
        }}
      >
        {copied ? "Copied" : "Copy"}
      </button>
      <div data-testid={testId} className="nowheel nodrag max-h-48 cursor-text select-text overflow-auto whitespace-pre-wrap p-2 pr-12 text-xs leading-relaxed text-zinc-200">
        {text}
      </div>
    </div>
  );
}

export function OutputView({ nodeId, ports, output }: { nodeId: string; ports: Record<string, NodePort>; output: Record<string, unknown> }) {
  return (
    <div className="space-y-2">
      {Object.entries(ports).map(([name, port]) => {
        const value = output[name];
        switch (port.type) {
          case "image":
            return typeof value === "string" ? <ImagePreview key={name} src={value} alt="Result" testId={`result-image-${nodeId}`} /> : null;
          case "video":
            return typeof value === "string" ? <video key={name} src={value} controls className="w-full rounded-md" /> : null;
          case "text":
            return typeof value === "string" ? <TextResult key={name} text={value} testId={`result-text-${nodeId}`} /> : null;
          case "number":
            return typeof value === "number" ? <TextResult key={name} text={String(value)} testId={`result-text-${nodeId}`} /> : null;
        }
      })}
    </div>
  );
}
