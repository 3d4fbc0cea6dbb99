/**
 * The command palette (Ctrl/⌘+K, a double-click on the canvas, a wire dropped on empty canvas):
 * type to filter node types and commands, arrows to move, Enter to pick, Escape to close.
 */
"use client";
import { useReactFlow } from "@xyflow/react";
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { NodeIcon } from "@/components/canvas/node-icon";
import { nodeCatalogue } from "@/nodes/registry";
import { useGraphStore } from "@/stores/graph-store";
import { selectPreviewing, useVersionPreviewStore } from "@/stores/version-preview-store";
import { addFromPalette } from "./add-from-palette";
import { commandContext } from "./command-context";
import { EDITOR_COMMANDS } from "./editor-commands";
import { formatBinding, isMac } from "./keys";
import { closeOverlays, useOverlays, type PaletteRequest } from "./overlays";
import { paletteEntries, searchPalette, type PaletteEntry } from "./palette-entries";

export function CommandPalette() {
  const request = useOverlays((s) => s.palette);
  return request ? <Palette request={request} /> : null;
}

function Palette({ request }: { request: PaletteRequest }) {
  const flow = useReactFlow();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const list = useRef<HTMLUListElement>(null);
  const previewing = useVersionPreviewStore(selectPreviewing);
  const ctx = useMemo(() => ({ ...commandContext(flow, { atScreen: null }), at: request.at }), [flow, request]);
  const entries = useMemo(() => paletteEntries(request, nodeCatalogue.list(), EDITOR_COMMANDS, ctx, !previewing), [request, ctx, previewing]);
  const shown = useMemo(() => searchPalette(entries, query), [entries, query]);
  const mac = isMac();
  const wireNodeType = useGraphStore((s) => s.nodes.find((n) => n.id === request.wire?.nodeId)?.type);
  const wireFrom = wireNodeType ? nodeCatalogue.get(wireNodeType) : undefined;

  // In braces: Chromium's scrollIntoView now returns a promise, which React would take for a clean-up.
  useEffect(() => {
    void list.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: "nearest" });
  }, [active]);

  const pick = (entry: PaletteEntry | undefined) => {
    if (!entry?.enabled) return;
    closeOverlays();
    if (entry.kind === "node") addFromPalette(entry.definition.type, request, flow);
    else void entry.command.run(ctx);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    // Keys typed here are the palette's: "?" or "M" must not reach the editor's shortcuts.
    e.stopPropagation();
    const move = (by: number) => {
      e.preventDefault();
      if (shown.length > 0) setActive((a) => (a + by + shown.length) % shown.length);
    };
    if (e.key === "ArrowDown") move(1);
    else if (e.key === "ArrowUp") move(-1);
    else if (e.key === "Enter") {
      e.preventDefault();
      pick(shown[active]);
    } else if (e.key === "Escape") {
      e.preventDefault();
      closeOverlays();
    } else if (e.key === "Tab") e.preventDefault();
  };

  const title = request.wire ? `Add a node that takes this ${request.wire.type}` : request.nodesOnly ? "Add a node here" : "Command palette";
  return (
    <div className="fixed inset-0 z-[60] flex items-start justify-center bg-black/50 pt-[12vh]" onPointerDown={(e) => e.target === e.currentTarget && closeOverlays()}>
      <div role="dialog" aria-modal="true" aria-label={title} data-testid="palette" data-wire={request.wire ? request.wire.type : undefined} className="w-[520px] max-w-[92vw] overflow-hidden rounded-xl border border-line bg-panel shadow-2xl" onKeyDown={onKeyDown}>
        <input
          autoFocus
          role="combobox"
          aria-expanded
          aria-controls="palette-list"
          aria-activedescendant={shown[active] ? `palette-${shown[active].id}` : undefined}
          data-testid="palette-input"
          placeholder={request.wire ? `Search nodes to connect${wireFrom ? ` to ${wireFrom.label}` : ""}…` : request.nodesOnly ? "Search nodes…" : "Search nodes and actions…"}
          className="w-full border-b border-line bg-transparent px-4 py-3 text-sm placeholder:text-zinc-500 focus:outline-none"
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            setActive(0);
          }}
        />
        <ul id="palette-list" ref={list} role="listbox" aria-label={title} className="max-h-80 overflow-y-auto py-1">
          {shown.map((entry, i) => (
            <li
              key={entry.id}
              id={`palette-${entry.id}`}
              role="option"
              aria-selected={i === active}
              aria-disabled={!entry.enabled}
              data-index={i}
              data-testid={`palette-item-${entry.id}`}
              className={`flex cursor-pointer items-center gap-3 px-4 py-2 text-sm ${i === active ? "bg-white/10" : ""} ${entry.enabled ? "" : "text-zinc-600"}`}
              onPointerMove={() => setActive(i)}
              onClick={() => pick(entry)}
            >
              {entry.kind === "node" ? (
                <span style={{ color: entry.definition.color }}><NodeIcon path={entry.definition.icon} /></span>
              ) : (
                <span className="w-4 text-center text-zinc-500">›</span>
              )}
              {entry.title}
              <span className="ml-auto text-xs text-zinc-500">
                {entry.kind === "node" ? "Node" : entry.command.keys?.[0] ? formatBinding(entry.command.keys[0], mac) : entry.command.group}
              </span>
            </li>
          ))}
          {shown.length === 0 && <li className="px-4 py-3 text-sm text-zinc-500">Nothing matches “{query}”.</li>}
        </ul>
      </div>
    </div>
  );
}
