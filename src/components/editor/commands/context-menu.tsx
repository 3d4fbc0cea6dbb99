/**
 * The right-click menu of the canvas or of a node (or selection): the commands that name that
 * menu, each with its key, greyed when it cannot run. Arrows move, Enter runs, Escape closes and
 * gives focus back; it stays inside the window.
 */
"use client";
import { useReactFlow } from "@xyflow/react";
import { useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { commandContext } from "./command-context";
import { EDITOR_COMMANDS } from "./editor-commands";
import { formatBinding, isMac } from "./keys";
import { closeOverlays, useOverlays, type MenuRequest } from "./overlays";

const EDGE = 8;

export function ContextMenu() {
  const request = useOverlays((s) => s.menu);
  return request ? <OpenMenu request={request} /> : null;
}

function OpenMenu({ request }: { request: MenuRequest }) {
  const flow = useReactFlow();
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState(request.screen);
  const ctx = useMemo(() => commandContext(flow, { atScreen: request.screen, nodeIds: request.nodeIds }), [flow, request]);
  const items = EDITOR_COMMANDS.filter((c) => c.menus?.includes(request.kind)).map((command) => ({ command, enabled: command.enabled?.(ctx) ?? true }));
  const mac = isMac();

  // Measured once drawn: shifted left or up so the whole menu is in the window; the first item takes focus.
  useLayoutEffect(() => {
    const menu = ref.current;
    if (!menu) return;
    const { width, height } = menu.getBoundingClientRect();
    setPlace({
      x: Math.max(EDGE, Math.min(request.screen.x, window.innerWidth - width - EDGE)),
      y: Math.max(EDGE, Math.min(request.screen.y, window.innerHeight - height - EDGE)),
    });
    menu.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
  }, [request]);

  // A press anywhere else closes it, without giving focus back (the press puts it where it wants).
  useLayoutEffect(() => {
    const away = (e: PointerEvent) => {
      const target = e.target as HTMLElement;
      if (ref.current?.contains(target) || target.closest?.("[data-opens-menu]")) return;
      useOverlays.getState().set({ menu: null, returnFocus: null });
    };
    document.addEventListener("pointerdown", away, true);
    return () => document.removeEventListener("pointerdown", away, true);
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    // The menu's keys are its own: "M" or "?" here must not reach the editor's shortcuts.
    e.stopPropagation();
    const enabled = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])') ?? [])];
    const at = enabled.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      e.preventDefault();
      enabled[(to + enabled.length) % enabled.length]?.focus();
    };
    if (e.key === "ArrowDown") move(at + 1);
    else if (e.key === "ArrowUp") move(at < 0 ? -1 : at - 1);
    else if (e.key === "Home") move(0);
    else if (e.key === "End") move(-1);
    else if (e.key === "Escape" || e.key === "Tab") {
      e.preventDefault();
      closeOverlays();
    }
  };

  return (
    <div
      ref={ref}
      role="menu"
      aria-label={request.kind === "node" ? (request.nodeIds.length > 1 ? "Selection" : "Node") : "Canvas"}
      data-testid="context-menu"
      data-menu={request.kind}
      className="fixed z-[60] min-w-52 overflow-hidden rounded-lg border border-line bg-panel-2 py-1 text-sm shadow-2xl shadow-black/60"
      style={{ left: place.x, top: place.y }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {items.map(({ command, enabled }) => (
        <button
          key={command.id}
          type="button"
          role="menuitem"
          tabIndex={-1}
          aria-disabled={!enabled}
          data-testid={`cmd-${command.id}`}
          className={`flex w-full items-center gap-6 px-3 py-1.5 text-left outline-none ${enabled ? "hover:bg-white/10 focus:bg-white/10" : "cursor-default text-zinc-600"} ${command.danger && enabled ? "text-red-300" : ""}`}
          onClick={() => {
            if (!enabled) return;
            closeOverlays();
            void command.run(ctx);
          }}
        >
          {command.title}
          {command.keys?.[0] && <kbd className="ml-auto font-sans text-xs text-zinc-500">{formatBinding(command.keys[0], mac)}</kbd>}
        </button>
      ))}
    </div>
  );
}
