/** A small accessible modal: focus moves in, Escape closes. */
"use client";
import { useEffect, useRef, type ReactNode } from "react";

export function Modal(props: { title: string; onClose: () => void; children: ReactNode; testId?: string; role?: "dialog" | "alertdialog" }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.querySelector<HTMLElement>("input, button[data-autofocus], button")?.focus();
  }, []);
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-black/60" onKeyDown={(e) => e.key === "Escape" && props.onClose()}>
      <div ref={box} role={props.role ?? "dialog"} aria-modal="true" aria-label={props.title} data-testid={props.testId} className="w-[440px] rounded-xl border border-line bg-panel p-5 shadow-2xl">
        <h2 className="mb-3 text-lg font-semibold">{props.title}</h2>
        {props.children}
      </div>
    </div>
  );
}
