/**
 * The nodes as React Flow draws them, each at its type's depth: a frame far below every node
 * (even a selected one), so it is drawn behind the nodes it holds and never takes their clicks.
 * The depth is not saved: it comes from the definition each time the canvas draws.
 */
import type { Node } from "@xyflow/react";
import { nodeCatalogue } from "@/nodes/registry";

/** Keeps each node's handed-over copy while the node object is the same, so React Flow sees no change. */
const copies = new WeakMap<Node, Node>();

export function withLayers(nodes: Node[]): Node[] {
  return nodes.map((node) => {
    const zIndex = nodeCatalogue.get(node.type ?? "")?.zIndex;
    if (zIndex === undefined || node.zIndex === zIndex) return node;
    let copy = copies.get(node);
    if (!copy) {
      copy = { ...node, zIndex };
      copies.set(node, copy);
    }
    return copy;
  });
}
