/** Small selectors node components use: which inputs are connected, the node's latest result. */
import type { Edge } from "@xyflow/react";
import { nodeName } from "@/nodes/node-name";
import { useGraphStore } from "@/stores/graph-store";
import { useRunStore } from "@/stores/run-store";
import { previewInputEdges, useVersionPreviewStore } from "@/stores/version-preview-store";

/** Input handle names with at least one connection, with counts (stable string selector). */
export function useConnectedInputs(nodeId: string): Record<string, number> {
  const edited = useGraphStore((s) => handlesKey(s.edges, nodeId));
  // A previewed version's node shows that version's connections, not the editor's.
  const previewed = useVersionPreviewStore((s) => (s.graph ? handlesKey(previewInputEdges(s.graph, nodeId), nodeId) : null));
  const key = previewed ?? edited;
  const counts: Record<string, number> = {};
  for (const name of key.split(",")) if (name) counts[name] = (counts[name] ?? 0) + 1;
  return counts;
}

/**
 * Every node's connected input handles, built once per edges array and shared by all nodes: each
 * node's selector runs on every graph change, and scanning all edges there would make a change on
 * a 500-node canvas cost 500 × 500 steps.
 */
const handlesByTarget = new WeakMap<readonly Edge[], Map<string, string>>();

function handlesKey(edges: readonly Edge[], nodeId: string): string {
  let index = handlesByTarget.get(edges);
  if (!index) {
    index = new Map();
    for (const e of edges) index.set(e.target, `${index.get(e.target) ?? ""}${e.targetHandle},`);
    handlesByTarget.set(edges, index);
  }
  return index.get(nodeId) ?? "";
}

/** A node's name in the editor's graph (its id once it is deleted), e.g. for "Skipped: "Crop Image" failed…". */
export function graphNodeName(nodeId: string): string {
  const node = useGraphStore.getState().nodes.find((n) => n.id === nodeId);
  return node ? nodeName(node) : nodeId;
}

export function useNodeResult(nodeId: string) {
  return useRunStore((s) => s.results[nodeId]);
}

export function updateNodeData(nodeId: string, patch: Record<string, unknown>, coalesceKey?: string): void {
  useGraphStore.getState().updateNodeData(nodeId, patch, coalesceKey);
  useRunStore.getState().clearProblem(nodeId);
}
