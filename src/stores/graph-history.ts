/** Bounded undo/redo stacks of whole-graph snapshots (cheap: nodes and edges are immutable). */
import type { Edge, Node } from "@xyflow/react";

export interface GraphSnapshot {
  nodes: Node[];
  edges: Edge[];
}

export const HISTORY_LIMIT = 200;

export function pushSnapshot(stack: GraphSnapshot[], snapshot: GraphSnapshot): GraphSnapshot[] {
  const next = stack.length >= HISTORY_LIMIT ? stack.slice(stack.length - HISTORY_LIMIT + 1) : stack.slice();
  next.push(snapshot);
  return next;
}

/** Selection is view state, not an edit: restored snapshots come back unselected. */
export function unselected(snapshot: GraphSnapshot): GraphSnapshot {
  return {
    nodes: snapshot.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)),
    edges: snapshot.edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
  };
}
