/** Small selectors node components use: which inputs are connected, the node's latest result. */
import { useGraphStore } from "@/stores/graph-store";
import { useRunStore } from "@/stores/run-store";

/** Input handle names with at least one connection, with counts (stable string selector). */
export function useConnectedInputs(nodeId: string): Record<string, number> {
  const key = useGraphStore((s) => {
    let out = "";
    for (const e of s.edges) if (e.target === nodeId) out += `${e.targetHandle},`;
    return out;
  });
  const counts: Record<string, number> = {};
  for (const name of key.split(",")) if (name) counts[name] = (counts[name] ?? 0) + 1;
  return counts;
}

export function useNodeResult(nodeId: string) {
  return useRunStore((s) => s.results[nodeId]);
}

export function updateNodeData(nodeId: string, patch: Record<string, unknown>, coalesceKey?: string): void {
  useGraphStore.getState().updateNodeData(nodeId, patch, coalesceKey);
  useRunStore.getState().clearProblem(nodeId);
}
