/** "?": every command that has keys, by group, as this platform writes them, and the canvas gestures that are not commands. */
"use client";
import { useEffect, useRef } from "react";
import type { CommandGroup, EditorCommand } from "./command-types";
import { EDITOR_COMMANDS } from "./editor-commands";
import { formatBinding, isMac } from "./keys";
import { closeOverlays, useOverlays } from "./overlays";

const GROUP_ORDER: CommandGroup[] = ["Edit", "Selection", "Canvas", "Run", "Workflow", "View", "Help"];

/** Done with the mouse on the canvas itself, so no command holds them. */
const GESTURES: [string, string][] = [
  ["Select several nodes", "Shift+drag on the canvas, or Shift/Ctrl+click"],
  ["Zoom", "Scroll, or pinch"],
  ["Pan", "Drag the empty canvas, or Space+drag"],
  ["Command palette at a point", "Double-click the empty canvas"],
  ["Add a connected node", "Drag a wire from a port into empty canvas"],
  ["Menus", "Right-click the canvas, a node or a selection"],
];

export function groupedShortcuts(commands: readonly EditorCommand[]): { group: CommandGroup; commands: EditorCommand[] }[] {
  return GROUP_ORDER.map((group) => ({ group, commands: commands.filter((c) => c.group === group && (c.keys?.length ?? 0) > 0) })).filter((g) => g.commands.length > 0);
}

export function ShortcutHelp() {
  const open = useOverlays((s) => s.helpOpen);
  return open ? <HelpDialog /> : null;
}

function HelpDialog() {
  const close = useRef<HTMLButtonElement>(null);
  const mac = isMac();
  useEffect(() => {
    close.current?.focus();
  }, []);
  const row = (label: string, keys: string, testId?: string) => (
    <li key={label} className="flex items-baseline gap-4 py-1 text-sm" data-testid={testId}>
      <span className="text-zinc-300">{label}</span>
      <span className="ml-auto text-right text-xs text-zinc-400">{keys}</span>
    </li>
  );
  return (
    <div className="fixed inset-0 z-[60] flex items-center justify-center bg-black/60" onPointerDown={(e) => e.target === e.currentTarget && closeOverlays()}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        data-testid="shortcut-help"
        className="max-h-[85vh] w-[640px] max-w-[94vw] overflow-y-auto rounded-xl border border-line bg-panel p-5 shadow-2xl"
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === "Escape") closeOverlays();
        }}
      >
        <div className="mb-3 flex items-center">
          <h2 id="help-title" className="font-semibold">Keyboard shortcuts</h2>
          <button ref={close} type="button" className="ml-auto rounded-md border border-line px-3 py-1 text-sm hover:bg-white/10" onClick={closeOverlays}>
            Close
          </button>
        </div>
        <div className="grid gap-x-8 gap-y-4 sm:grid-cols-2">
          {groupedShortcuts(EDITOR_COMMANDS).map(({ group, commands }) => (
            <section key={group} aria-label={group}>
              <h3 className="mb-1 text-[11px] uppercase tracking-wider text-zinc-500">{group}</h3>
              <ul>{commands.map((c) => row(c.title, c.keys!.map((k) => formatBinding(k, mac)).join(" or "), `shortcut-${c.id}`))}</ul>
            </section>
          ))}
          <section aria-label="On the canvas" className="sm:col-span-2">
            <h3 className="mb-1 text-[11px] uppercase tracking-wider text-zinc-500">On the canvas</h3>
            <ul>{GESTURES.map(([label, how]) => row(label, how))}</ul>
          </section>
        </div>
      </div>
    </div>
  );
}
