/**
 * While a wire is dragged, the canvas root carries `data-wiring="<side>:<port type>"` (the
 * side and type of the handle the drag started from), and `wire-drag.css` lights the handles
 * that take that type on the other side and dims the rest. One attribute on one element: no
 * node re-renders, however many nodes the canvas holds.
 */
import type { OnConnectStartParams } from "@xyflow/react";
import { nodeCatalogue } from "@/nodes/registry";
import { useGraphStore } from "@/stores/graph-store";

/** `"source:image"` for a drag from an image output; null when the handle is unknown. */
export function wiringMark(params: OnConnectStartParams): string | null {
  const { nodeId, handleId, handleType } = params;
  if (!nodeId || !handleId || !handleType) return null;
  const node = useGraphStore.getState().nodes.find((n) => n.id === nodeId);
  const definition = node?.type ? nodeCatalogue.get(node.type) : undefined;
  const port = handleType === "source" ? definition?.outputs[handleId] : definition?.inputs[handleId];
  return port ? `${handleType}:${port.type}` : null;
}

export function markWireDrag(root: HTMLElement | null, params: OnConnectStartParams): void {
  const mark = wiringMark(params);
  if (root && mark) root.dataset.wiring = mark;
}

export function clearWireDrag(root: HTMLElement | null): void {
  if (root) delete root.dataset.wiring;
}
