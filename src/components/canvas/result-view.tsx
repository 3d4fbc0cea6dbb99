/** A node's output shown inline, by port type: text (Markdown, raw on demand, with copy), image preview with its size, or a video player. */
"use client";
import { useState } from "react";
import { MarkdownView } from "@/components/markdown/markdown-view";
import type { NodePort } from "@/nodes/types";

/** `small` fits the node's result area (the rest of the area is the size caption). */
export function ImagePreview({ src, alt, testId, small = false }: { src: string; alt: string; testId?: string; small?: boolean }) {
  const [size, setSize] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  return (
    <figure className="overflow-hidden rounded-md border border-line bg-black/40">
      {/* eslint-disable-next-line @next/next/no-img-element -- user files served by the API, any size */}
      <img
        src={attempt === 0 ? src : `${src}${src.includes("?") ? "&" : "?"}retry=${attempt}`}
        alt={alt}
        data-testid={testId}
        className={`w-full object-contain ${small ? "max-h-36" : "max-h-48"}`}
        onLoad={(e) => setSize(`${e.currentTarget.naturalWidth} × ${e.currentTarget.naturalHeight}`)}
        // A file that is still being written or a server busy starting: try again a few times.
        onError={() => attempt < 3 && setTimeout(() => setAttempt((a) => a + 1), 1000 * (attempt + 1))}
      />
      {size && <figcaption className="px-2 py-1 text-[11px] text-zinc-400" data-testid={testId ? `${testId}-size` : undefined}>{size} px</figcaption>}
    </figure>
  );
}

/**
 * A text output: Markdown (an LLM's answer usually is), with a toggle to the raw text and a copy button.
 * `bounded` scrolls it in a box of its own; unbounded, it is as tall as its text (inside a node's
 * result area, which scrolls) and its buttons stay at the top of the area as it scrolls.
 */
export function TextResult(props: { text: string; testId?: string; markdown?: boolean; partial?: boolean; bounded?: boolean }) {
  const { text, testId, markdown = true, partial = false, bounded = true } = props;
  const [copied, setCopied] = useState(false);
  const [raw, setRaw] = useState(false);
  const asMarkdown = markdown && !raw;
  return (
    <div className={`relative rounded-md border bg-black/30 ${partial ? "border-amber-500/40 border-dashed" : "border-line"}`}>
      <div className={bounded ? "absolute right-1 top-1 z-10 flex gap-1" : "sticky top-0 z-10 flex h-0 justify-end gap-1 overflow-visible pr-1 pt-1"}>
        {markdown && (
          <button
            type="button"
            aria-label="Show raw text"
            aria-pressed={raw}
            data-testid={testId ? `${testId}-raw` : undefined}
            className={`nodrag rounded px-1.5 py-0.5 text-[11px] hover:bg-white/20 ${raw ? "bg-violet-500/30" : "bg-white/10"}`}
            onClick={() => setRaw((v) => !v)}
          >
            Raw
          </button>
        )}
        <button
          type="button"
          aria-label="Copy output"
          className="nodrag rounded bg-white/10 px-1.5 py-0.5 text-[11px] hover:bg-white/20"
          onClick={() => {
            void navigator.clipboard?.writeText(text).then(() => setCopied(true));
            setTimeout(() => setCopied(false), 1200);
          }}
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
      <div
        data-testid={testId}
        data-format={asMarkdown ? "markdown" : "raw"}
        className={`nowheel nodrag cursor-text select-text p-2 pr-20 ${bounded ? "max-h-48 overflow-auto" : ""} text-xs leading-relaxed text-zinc-200 ${asMarkdown ? "" : "whitespace-pre-wrap"}`}
      >
        {asMarkdown ? <MarkdownView text={text} /> : text}
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
            return typeof value === "string" ? <ImagePreview key={name} src={value} alt="Result" testId={`result-image-${nodeId}`} small /> : null;
          case "video":
            return typeof value === "string" ? <video key={name} src={value} controls className="max-h-40 w-full rounded-md" /> : null;
          case "text":
            return typeof value === "string" ? <TextResult key={name} text={value} testId={`result-text-${nodeId}`} bounded={false} /> : null;
          case "number":
            return typeof value === "number" ? <TextResult key={name} text={String(value)} testId={`result-text-${nodeId}`} markdown={false} bounded={false} /> : null;
        }
      })}
    </div>
  );
}
