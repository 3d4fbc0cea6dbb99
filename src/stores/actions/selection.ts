/**
 * Selection actions the commands call: select all, clear, delete. Selecting is view state (applied
 * through the store's change handlers, never an undo step); deleting is one undo step.
 */
import { useGraphStore } from "@/stores/graph-store";
import { useUiStore } from "@/stores/ui-store";
import { selectPreviewing, useVersionPreviewStore } from "@/stores/version-preview-store";

/** False while a saved version is previewed: the canvas then shows that version, read-only. */
export function canEditGraph(): boolean {
  return !selectPreviewing(useVersionPreviewStore.getState());
}

export function hasSelection(): boolean {
  const { nodes, edges } = useGraphStore.getState();
  return nodes.some((n) => n.selected) || edges.some((e) => e.selected);
}

/** The nodes an action on node `id` covers: the selection when `id` is part of it, else `id` alone. */
export function selectionWith(id: string): string[] {
  const selected = useGraphStore.getState().nodes.filter((n) => n.selected).map((n) => n.id);
  return selected.includes(id) ? selected : [id];
}

function setSelected(selected: boolean): void {
  const { nodes, edges, onNodesChange, onEdgesChange } = useGraphStore.getState();
  const nodeChanges = nodes.filter((n) => Boolean(n.selected) !== selected).map((n) => ({ type: "select" as const, id: n.id, selected }));
  const edgeChanges = edges.filter((e) => Boolean(e.selected) !== selected).map((e) => ({ type: "select" as const, id: e.id, selected }));
  if (nodeChanges.length > 0) onNodesChange(nodeChanges);
  if (edgeChanges.length > 0) onEdgesChange(edgeChanges);
}

export function selectAll(): void {
  setSelected(true);
}

export function clearSelection(): void {
  setSelected(false);
}

/** Removes the nodes `ids` (a command's: the selection, or a right-clicked node) with every edge touching them, and the selected edges, as one undo step. */
export function deleteSelection(ids: readonly string[]): void {
  const { edges, removeNodes, onEdgesChange } = useGraphStore.getState();
  const gone = new Set(ids);
  const loneEdges = edges.filter((e) => e.selected && !gone.has(e.source) && !gone.has(e.target));
  // Both land in the same tick, so the store records them as one step.
  if (ids.length > 0) removeNodes([...ids]);
  if (loneEdges.length > 0) onEdgesChange(loneEdges.map((e) => ({ type: "remove", id: e.id })));
}

/** Box-selection mode: a plain drag on the empty canvas selects; the middle or right button pans. */
export function toggleSelectionMode(): void {
  const ui = useUiStore.getState();
  ui.set({ selectionMode: !ui.selectionMode });
}
