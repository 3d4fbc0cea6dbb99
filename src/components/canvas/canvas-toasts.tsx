"use client";
import { useToastStore } from "@/stores/toast-store";

const TONE = {
  info: "border-zinc-600 bg-panel-2 text-zinc-100",
  error: "border-red-500/60 bg-red-950/90 text-red-100",
  success: "border-emerald-500/60 bg-emerald-950/90 text-emerald-100",
};

/** Short messages near the bottom of the canvas; announced to screen readers. */
export function CanvasToasts() {
  const toasts = useToastStore((s) => s.toasts);
  return (
    <div aria-live="polite" className="pointer-events-none absolute bottom-6 left-1/2 z-50 flex -translate-x-1/2 flex-col items-center gap-2">
      {toasts.map((t) => (
        <div key={t.id} role="status" data-testid="toast" data-tone={t.tone} className={`pointer-events-auto rounded-lg border px-4 py-2 text-sm shadow-xl ${TONE[t.tone]}`}>
          {t.text}
        </div>
      ))}
    </div>
  );
}
