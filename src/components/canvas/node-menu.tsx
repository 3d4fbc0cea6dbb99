/** The ⋯ menu on every node: run, connect by keyboard, rename, duplicate (with the selection it is part of), delete. */
"use client";
import { useEffect, useRef, useState } from "react";
import { duplicateNodes } from "@/stores/actions/clipboard";
import { startRename } from "@/stores/actions/rename-node";
import { runWorkflow } from "@/stores/actions/run-workflow";
import { selectionWith } from "@/stores/actions/selection";
import { useGraphStore } from "@/stores/graph-store";
import { useUiStore } from "@/stores/ui-store";

export function NodeMenu({ nodeId, hasOutputs }: { nodeId: string; hasOutputs: boolean }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as globalThis.Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", close);
    return () => document.removeEventListener("pointerdown", close);
  }, [open]);

  const item = (label: string, testId: string, action: () => void, danger = false) => (
    <button
      type="button"
      role="menuitem"
      data-testid={testId}
      className={`block w-full px-3 py-1.5 text-left text-sm hover:bg-white/10 ${danger ? "text-red-300" : ""}`}
      onClick={() => {
        setOpen(false);
        action();
      }}
    >
      {label}
    </button>
  );

  return (
    <div ref={ref} className="nodrag relative" onKeyDown={(e) => e.key === "Escape" && setOpen(false)}>
      <button
        type="button"
        aria-label="Node menu"
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid={`node-menu-${nodeId}`}
        className="rounded px-1.5 text-zinc-400 hover:bg-white/10 hover:text-white"
        onClick={() => setOpen((v) => !v)}
      >
        ⋯
      </button>
      {open && (
        <div role="menu" className="absolute right-0 top-7 z-50 w-48 overflow-hidden rounded-lg border border-line bg-panel-2 py-1 shadow-xl">
          {item("Run this node", "menu-run", () => void runWorkflow([nodeId]))}
          {hasOutputs && item("Connect output to…", "menu-connect", () => useUiStore.getState().set({ connectFrom: nodeId }))}
          {item("Rename", "menu-rename", () => startRename(nodeId))}
          {item("Duplicate", "menu-duplicate", () => duplicateNodes(selectionWith(nodeId)))}
          {item("Delete", "menu-delete", () => useGraphStore.getState().removeNodes([nodeId]), true)}
        </div>
      )}
    </div>
  );
}
