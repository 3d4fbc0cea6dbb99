/** Naming a node (`data.label`, DESIGN §9): the inline title editor, the ⋯ menu and F2 end here. */
import { MAX_NODE_LABEL_CHARS } from "@/engine/graph-schema";
import { useGraphStore } from "@/stores/graph-store";
import { useUiStore } from "@/stores/ui-store";
import { canEditGraph } from "./selection";

/** Opens the title editor of node `id`. */
export function startRename(id: string): void {
  if (!canEditGraph()) return;
  useUiStore.getState().set({ renamingNodeId: id });
}

export function stopRename(): void {
  useUiStore.getState().set({ renamingNodeId: null });
}

/** Saves a name as one undo step; an empty one removes it (the type's name shows again). Unchanged: no step. */
export function renameNode(id: string, name: string): void {
  const node = useGraphStore.getState().nodes.find((n) => n.id === id);
  if (!node) return;
  const label = name.trim().slice(0, MAX_NODE_LABEL_CHARS);
  const current = typeof node.data.label === "string" ? node.data.label : "";
  if (label === current) return;
  // `undefined` drops out of the saved JSON: no name left behind.
  useGraphStore.getState().updateNodeData(id, { label: label || undefined });
}
