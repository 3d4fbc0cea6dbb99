/** Collapsible node palette: search, and the six quick-access node buttons (click or drag onto the canvas). */
"use client";
import { useReactFlow } from "@xyflow/react";
import { useState } from "react";
import { DRAG_MIME } from "@/components/canvas/editor-canvas";
import { NodeIcon } from "@/components/canvas/node-icon";
import { NODE_DEFINITIONS, QUICK_ACCESS_TYPES } from "@/nodes/registry";
import { useUiStore } from "@/stores/ui-store";
import { addNodeAtCenter } from "./add-node";

export function LeftSidebar() {
  const open = useUiStore((s) => s.leftOpen);
  const [query, setQuery] = useState("");
  const { screenToFlowPosition } = useReactFlow();
  const q = query.trim().toLowerCase();
  const shown = QUICK_ACCESS_TYPES.filter((t) => {
    const d = NODE_DEFINITIONS[t];
    return !q || `${d.label} ${d.description} ${t}`.toLowerCase().includes(q);
  });

  if (!open) {
    return (
      <aside className="flex w-11 flex-col items-center gap-2 border-r border-line bg-panel py-3">
        <button type="button" aria-label="Open node panel" data-testid="left-open" className="rounded p-1.5 text-zinc-400 hover:bg-white/10" onClick={() => useUiStore.getState().set({ leftOpen: true })}>
          »
        </button>
        {QUICK_ACCESS_TYPES.map((t) => (
          <button key={t} type="button" aria-label={`Add ${NODE_DEFINITIONS[t].label}`} title={NODE_DEFINITIONS[t].label} className="flex h-8 w-8 items-center justify-center rounded-md bg-panel-2 text-xs hover:bg-white/10" onClick={() => addNodeAtCenter(t, screenToFlowPosition)}>
            <NodeIcon type={t} />
          </button>
        ))}
      </aside>
    );
  }

  return (
    <aside className="flex w-64 shrink-0 flex-col border-r border-line bg-panel" aria-label="Nodes">
      <div className="flex items-center justify-between px-3 pb-2 pt-3">
        <h2 className="text-xs font-semibold uppercase tracking-wider text-zinc-400">Nodes</h2>
        <button type="button" aria-label="Collapse node panel" data-testid="left-collapse" className="rounded px-1.5 text-zinc-400 hover:bg-white/10" onClick={() => useUiStore.getState().set({ leftOpen: false })}>
          «
        </button>
      </div>
      <div className="px-3 pb-3">
        <input
          type="search"
          aria-label="Search nodes"
          data-testid="node-search"
          placeholder="Search nodes…"
          className="w-full rounded-md border border-line bg-black/30 px-2.5 py-1.5 text-sm placeholder:text-zinc-600 focus:border-violet-400 focus:outline-none"
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && shown[0]) addNodeAtCenter(shown[0], screenToFlowPosition);
          }}
        />
      </div>
      <div className="grid grid-cols-2 gap-2 overflow-y-auto px-3 pb-3">
        {shown.map((t) => {
          const d = NODE_DEFINITIONS[t];
          return (
            <button
              key={t}
              type="button"
              draggable
              data-testid={`add-${t}`}
              aria-label={`Add ${d.label}`}
              title={d.description}
              className="flex flex-col items-center gap-1.5 rounded-lg border border-line bg-panel-2 px-2 py-3 text-xs text-zinc-200 transition hover:border-violet-400/60 hover:bg-white/5 focus-visible:border-violet-400 focus-visible:outline-none"
              onClick={() => addNodeAtCenter(t, screenToFlowPosition)}
              onDragStart={(e) => {
                e.dataTransfer.setData(DRAG_MIME, t);
                e.dataTransfer.effectAllowed = "copy";
              }}
            >
              <span className="text-violet-200"><NodeIcon type={t} className="h-5 w-5" /></span>
              {d.label}
            </button>
          );
        })}
        {shown.length === 0 && <p className="col-span-2 text-xs text-zinc-500">No node matches “{query}”.</p>}
      </div>
      <p className="mt-auto border-t border-line px-3 py-3 text-[11px] leading-relaxed text-zinc-500">
        Drag a node onto the canvas or click to add. Connect outputs (right) to inputs of the same colour.
        Ctrl+Z undo · Ctrl+S save · Ctrl+Enter run.
      </p>
    </aside>
  );
}
