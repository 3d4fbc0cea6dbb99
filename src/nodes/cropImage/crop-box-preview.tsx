/** The crop node's input image with its crop box drawn on it, live as X, Y, width and height change. */
"use client";
import { useState } from "react";
import { previewCrop, type CropPercentValues } from "./crop-preview";

export function CropBoxPreview({ nodeId, src, crop }: { nodeId: string; src: string | undefined; crop: CropPercentValues }) {
  const [failed, setFailed] = useState<string | null>(null);
  const { box, hints } = previewCrop(crop);
  return (
    <div className="space-y-1">
      {src && failed !== src && (
        <div className="flex justify-center rounded-md border border-line bg-black/40">
          <div className="relative overflow-hidden" data-testid={`crop-preview-${nodeId}`}>
            {/* eslint-disable-next-line @next/next/no-img-element -- user files served by the API, any size */}
            <img src={src} alt="Input image with the crop box" className="block max-h-32 max-w-full" onError={() => setFailed(src)} />
            <div
              aria-hidden
              data-testid={`crop-box-${nodeId}`}
              className="pointer-events-none absolute border-2 border-dashed border-emerald-300 shadow-[0_0_0_9999px_rgba(0,0,0,0.55)]"
              style={{ left: `${box.left}%`, top: `${box.top}%`, width: `${box.width}%`, height: `${box.height}%` }}
            />
          </div>
        </div>
      )}
      {hints.length > 0 && (
        <ul data-testid={`crop-hints-${nodeId}`} className="space-y-0.5 text-[11px] leading-snug text-amber-200">
          {hints.map((hint) => <li key={hint}>{hint}</li>)}
        </ul>
      )}
    </div>
  );
}
