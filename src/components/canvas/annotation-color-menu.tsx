/** A note's or frame's colour: a swatch button opening the palette (keyboard: Tab to a swatch, Enter). */
"use client";
import { useEffect, useRef, useState } from "react";
import { ANNOTATION_COLORS, type AnnotationColorName } from "@/nodes/annotation-colors";
import { updateNodeData } from "./use-node-state";

export function AnnotationColorMenu({ nodeId, hex }: { nodeId: string; hex: string }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: PointerEvent) => !ref.current?.contains(e.target as globalThis.Node) && setOpen(false);
    document.addEventListener("pointerdown", close);
    return () => document.removeEventListener("pointerdown", close);
  }, [open]);

  return (
    <div ref={ref} className="nodrag relative" onKeyDown={(e) => e.key === "Escape" && setOpen(false)}>
      <button
        type="button"
        aria-label="Colour"
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid={`color-${nodeId}`}
        className="flex h-5 w-5 items-center justify-center rounded hover:bg-white/10"
        onClick={() => setOpen((v) => !v)}
      >
        <span className="h-3 w-3 rounded-full border border-white/30" style={{ background: hex }} />
      </button>
      {open && (
        <div role="menu" aria-label="Colours" className="absolute right-0 top-6 z-50 flex gap-1 rounded-lg border border-line bg-panel-2 p-1.5 shadow-xl">
          {(Object.keys(ANNOTATION_COLORS) as AnnotationColorName[]).map((name) => (
            <button
              key={name}
              type="button"
              role="menuitem"
              aria-label={name}
              title={name}
              data-testid={`color-${nodeId}-${name}`}
              className="h-5 w-5 rounded-full border border-white/20 hover:scale-110 focus-visible:outline focus-visible:outline-2 focus-visible:outline-white"
              style={{ background: ANNOTATION_COLORS[name] }}
              onClick={() => {
                setOpen(false);
                updateNodeData(nodeId, { color: name });
              }}
            />
          ))}
        </div>
      )}
    </div>
  );
}
