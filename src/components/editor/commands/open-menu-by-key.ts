/** The ContextMenu key and Shift+F10: the menu of the selected nodes, at the first one, else the canvas's, at its centre. */
import { openMenu } from "./overlays";

let openedAt = -Infinity;

/** True right after the key opened a menu: the browser's own `contextmenu` event for the key is then ignored. */
export function openedByKeyJustNow(): boolean {
  return performance.now() - openedAt < 500;
}

export function openMenuByKey(nodeIds: string[]): void {
  openedAt = performance.now();
  const nodeBox = nodeIds.length > 0 ? document.querySelector(`.react-flow__node[data-id="${CSS.escape(nodeIds[0])}"]`)?.getBoundingClientRect() : undefined;
  if (nodeBox) return openMenu({ kind: "node", nodeIds, screen: { x: nodeBox.left + 16, y: nodeBox.top + 32 } });
  const canvas = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
  const screen = canvas ? { x: canvas.left + canvas.width / 2, y: canvas.top + canvas.height / 2 } : { x: window.innerWidth / 2, y: window.innerHeight / 2 };
  openMenu({ kind: "canvas", nodeIds, screen });
}
