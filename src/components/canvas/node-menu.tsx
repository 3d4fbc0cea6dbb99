/**
 * The ⋯ button on every node: opens the node's menu — the same one a right-click opens
 * (`editor/commands/context-menu.tsx`, the commands naming the "node" menu) — under the button,
 * for the selection the node is part of. One list of actions, with their keys, for both.
 */
"use client";
import { closeOverlays, openMenu, useOverlays } from "@/components/editor/commands/overlays";
import { selectionWith } from "@/stores/actions/selection";

/** Tailwind's `min-w-52` of the menu: it opens leftwards from the button's right edge, inside the node. */
const MENU_WIDTH = 208;

export function NodeMenu({ nodeId }: { nodeId: string }) {
  const open = useOverlays((s) => s.menu?.opener === nodeId);
  return (
    <div className="nodrag relative">
      <button
        type="button"
        aria-label="Node menu"
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid={`node-menu-${nodeId}`}
        // The menu's press-elsewhere close leaves this button's own press to toggle it.
        data-opens-menu
        className="rounded px-1.5 text-zinc-400 hover:bg-white/10 hover:text-white"
        onClick={(e) => {
          if (open) return closeOverlays();
          const box = e.currentTarget.getBoundingClientRect();
          openMenu({ kind: "node", nodeIds: selectionWith(nodeId), screen: { x: box.right - MENU_WIDTH, y: box.bottom + 4 }, opener: nodeId });
        }}
      >
        ⋯
      </button>
    </div>
  );
}
