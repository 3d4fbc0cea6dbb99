/**
 * The nodes as React Flow draws them, each at its type's depth: a frame far below every node
 * (even a selected one), so it is drawn behind the nodes it holds and never takes their clicks.
 * The depth is not saved: it comes from the definition each time the canvas draws. The minimap
 * follows: a frame is a faint box there, under the nodes it holds.
 */
import type { Node } from "@xyflow/react";
import { annotationHex } from "@/nodes/annotation-colors";
import { nodeCatalogue } from "@/nodes/registry";

/** A node's minimap colour: its type's, a note's or frame's own; faint for a type drawn behind (a frame); grey for an unknown type. */
export function minimapColor(node: { type?: string; data?: Record<string, unknown> }): string {
  const definition = nodeCatalogue.get(node.type ?? "");
  if (!definition) return "#888";
  const own = definition.canvasOnly && typeof node.data?.color === "string" ? annotationHex(node.data.color, definition.color) : definition.color;
  return definition.zIndex !== undefined && definition.zIndex < 0 ? `${own}30` : own;
}

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
