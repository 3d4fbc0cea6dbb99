/** Collapsible node panel: search, and a button per node type by section (click or drag onto the canvas). */
"use client";
import { useReactFlow } from "@xyflow/react";
import { useState } from "react";
import { DRAG_MIME } from "@/components/canvas/editor-canvas";
import { NodeIcon } from "@/components/canvas/node-icon";
import { panelSections } from "@/nodes/panel-sections";
import { nodeCatalogue } from "@/nodes/registry";
import { useUiStore } from "@/stores/ui-store";
import { addNodeAtCenter } from "./add-node";
import { openHelp } from "./commands/overlays";

const SECTIONS = panelSections(nodeCatalogue);
const OFFERED = SECTIONS.flatMap((s) => s.definitions);

export function LeftSidebar() {
  const open = useUiStore((s) => s.leftOpen);
  const narrow = useUiStore((s) => s.narrow);
  const [query, setQuery] = useState("");
  const flow = useReactFlow();
  const q = query.trim().toLowerCase();
  const shown = SECTIONS.map((s) => ({
    ...s,
    definitions: s.definitions.filter((d) => !q || `${d.label} ${d.description} ${d.type}`.toLowerCase().includes(q)),
  })).filter((s) => s.definitions.length > 0);
  const first = shown[0]?.definitions[0];

  const rail = (
    <aside className="flex w-11 shrink-0 flex-col items-center gap-2 border-r border-line bg-panel py-3">
      <button type="button" aria-label={open ? "Close node panel" : "Open node panel"} aria-expanded={open} data-testid="left-open" className="rounded p-1.5 text-zinc-400 hover:bg-white/10" onClick={() => useUiStore.getState().set({ leftOpen: !open })}>
        {open ? "«" : "»"}
      </button>
      {OFFERED.map((d) => (
        <button key={d.type} type="button" aria-label={`Add ${d.label}`} title={d.label} className="flex h-8 w-8 items-center justify-center rounded-md bg-panel-2 text-xs hover:bg-white/10" style={{ color: d.color }} onClick={() => addNodeAtCenter(d.type, flow)}>
          <NodeIcon path={d.icon} />
        </button>
      ))}
    </aside>
  );
  if (!open) return rail;

  // Narrow: the rail stays and the panel opens over the canvas beside it.
  const place = narrow ? "absolute inset-y-0 left-11 z-30 w-64 shadow-2xl shadow-black/60" : "w-64 shrink-0";
  const panel = (
    <aside className={`flex flex-col border-r border-line bg-panel ${place}`} aria-label="Nodes">
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
            if (e.key === "Enter" && first) addNodeAtCenter(first.type, flow);
          }}
        />
      </div>
      <div className="overflow-y-auto px-3 pb-3">
        {shown.map(({ section, definitions }) => (
          <section key={section} aria-label={section} className="mb-3">
            <h3 className="mb-1.5 text-[11px] uppercase tracking-wider text-zinc-500">{section}</h3>
            <div className="grid grid-cols-2 gap-2">
              {definitions.map((d) => (
                <button
                  key={d.type}
                  type="button"
                  draggable
                  data-testid={`add-${d.type}`}
                  aria-label={`Add ${d.label}`}
                  title={d.description}
                  className="flex flex-col items-center gap-1.5 rounded-lg border border-line bg-panel-2 px-2 py-3 text-xs text-zinc-200 transition hover:border-violet-400/60 hover:bg-white/5 focus-visible:border-violet-400 focus-visible:outline-none"
                  onClick={() => addNodeAtCenter(d.type, flow)}
                  onDragStart={(e) => {
                    e.dataTransfer.setData(DRAG_MIME, d.type);
                    e.dataTransfer.effectAllowed = "copy";
                  }}
                >
                  <span style={{ color: d.color }}><NodeIcon path={d.icon} className="h-5 w-5" /></span>
                  {d.label}
                </button>
              ))}
            </div>
          </section>
        ))}
        {shown.length === 0 && <p className="text-xs text-zinc-500">No node matches “{query}”.</p>}
      </div>
      <p className="mt-auto border-t border-line px-3 py-3 text-[11px] leading-relaxed text-zinc-500">
        Drag a node onto the canvas or click to add. Connect outputs (right) to inputs of the same colour.
        Ctrl+Z undo · Ctrl+S save · Ctrl+Enter run.
        <button type="button" data-testid="open-shortcuts" className="mt-1 block text-violet-300 hover:underline" onClick={openHelp}>
          Keyboard shortcuts (?)
        </button>
      </p>
    </aside>
  );
  return narrow ? <>{rail}{panel}</> : panel;
}
