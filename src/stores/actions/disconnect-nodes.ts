/** "Disconnect all": every edge into or out of the given nodes goes, as one undo step. */
import { useGraphStore } from "../graph-store";

export function edgesOf(nodeIds: readonly string[]): string[] {
  const ids = new Set(nodeIds);
  return useGraphStore
    .getState()
    .edges.filter((e) => ids.has(e.source) || ids.has(e.target))
    .map((e) => e.id);
}

export function disconnectAll(nodeIds: readonly string[]): void {
  const gone = edgesOf(nodeIds);
  if (gone.length === 0) return;
  // Through onEdgesChange, like a deleted wire: one change list is one checkpoint.
  useGraphStore.getState().onEdgesChange(gone.map((id) => ({ type: "remove", id })));
}
