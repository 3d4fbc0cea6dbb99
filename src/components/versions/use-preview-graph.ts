/**
 * What the canvas draws while a version is previewed: that version's nodes (with ghosts of
 * removed ones) marked by how they differ, and the React Flow settings that make it read-only.
 * Null while editing, so the canvas draws the editor's own graph as usual.
 */
import type { Edge, Node, ReactFlowProps } from "@xyflow/react";
import { useMemo } from "react";
import type { GraphDiff } from "@/lib/graph-diff";
import { useVersionPreviewStore } from "@/stores/version-preview-store";
import { decorateDiffNodes } from "./diff-style";

export interface PreviewCanvas {
  nodes: Node[];
  edges: Edge[];
  diff: GraphDiff;
}

export function usePreviewGraph(): PreviewCanvas | null {
  const graph = useVersionPreviewStore((s) => s.graph);
  return useMemo(() => (graph ? { nodes: decorateDiffNodes(graph.nodes, graph.diff), edges: graph.edges, diff: graph.diff } : null), [graph]);
}

/**
 * No drag, connect, drop, select or delete; the only change accepted is React Flow measuring
 * the nodes. Spread after the editing props, whose handlers it unsets.
 */
export const READ_ONLY_FLOW: Partial<ReactFlowProps> = {
  onNodesChange: (changes) => useVersionPreviewStore.getState().applyNodeChanges(changes),
  onEdgesChange: undefined,
  onConnect: undefined,
  onConnectEnd: undefined,
  isValidConnection: undefined,
  onDragOver: undefined,
  onDrop: undefined,
  nodesDraggable: false,
  nodesConnectable: false,
  nodesFocusable: false,
  edgesFocusable: false,
  elementsSelectable: false,
  deleteKeyCode: null,
};
