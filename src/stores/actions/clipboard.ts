/**
 * Copy, cut, paste and duplicate of nodes with the edges between them. The system clipboard
 * carries them as JSON text (`clipboard-payload.ts`), so they paste into another workflow or tab;
 * when the browser refuses clipboard access the last copy made here is used instead.
 */
import type { XYPosition } from "@xyflow/react";
import { movePieceTo, offsetPiece, parsePaste, pastePlace, pickPiece, serializePiece, withNewIds, PASTE_OFFSET, type GraphPiece } from "@/lib/canvas/clipboard-payload";
import { newNodeId, useGraphStore } from "@/stores/graph-store";
import { toast } from "@/stores/toast-store";

/** The last copy made in this tab: what a paste uses when the clipboard cannot be read. */
let memoryCopy: string | null = null;
/** Where the last paste went, so pasting again at the same place steps aside (`pastePlace`). */
let lastPaste: { pointer: XYPosition | null; placed: XYPosition } | null = null;

function insert(piece: GraphPiece): void {
  useGraphStore.getState().insertGraph(piece.nodes, piece.edges);
}

/** Text selected on the page (a result, run details): Ctrl+C then copies that text, as the browser does. */
export function pageTextSelected(): boolean {
  const selection = typeof window === "undefined" ? null : window.getSelection();
  return selection !== null && !selection.isCollapsed && selection.toString().trim() !== "";
}

/** Copies the nodes `ids` (with the edges between them); false when there is nothing to copy. */
export async function copyNodes(ids: readonly string[]): Promise<boolean> {
  if (ids.length === 0) return false;
  const text = serializePiece(pickPiece(useGraphStore.getState(), ids));
  memoryCopy = text;
  lastPaste = null;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Refused (no permission, page not focused): pastes in this tab still work from memoryCopy.
  }
  return true;
}

/** Copies the nodes `ids`, then removes them with their edges (one undo step). */
export async function cutNodes(ids: readonly string[]): Promise<void> {
  if (await copyNodes(ids)) useGraphStore.getState().removeNodes([...ids]);
}

/**
 * Pastes clipboard text at `at` (flow coordinates; null: no pointer). Text that is not Galaxy
 * nodes says so; nodes that fail the checks are refused in plain words, and nothing changes.
 */
export function pasteText(text: string, at: XYPosition | null): void {
  const { nodes, edges } = useGraphStore.getState();
  const parsed = parsePaste(text, { nodes: nodes.length, edges: edges.length });
  if (!parsed.ok) {
    toast(parsed.message, parsed.kind === "refused" ? "error" : "info");
    return;
  }
  const placed = pastePlace(parsed.piece, at, lastPaste);
  lastPaste = { pointer: at, placed };
  insert(withNewIds(movePieceTo(parsed.piece, placed), newNodeId));
}

/** Ctrl+V: reads the system clipboard, or this tab's last copy when reading is refused. */
export async function pasteFromClipboard(at: XYPosition | null): Promise<void> {
  let text: string | null;
  try {
    text = await navigator.clipboard.readText();
  } catch {
    text = memoryCopy;
  }
  pasteText(text ?? "", at);
}

/** Copies of the nodes `ids` (with the edges between them) beside them; the clipboard is left alone. */
export function duplicateNodes(ids: readonly string[]): void {
  const piece = pickPiece(useGraphStore.getState(), ids);
  if (piece.nodes.length === 0) return;
  insert(withNewIds(offsetPiece(piece, PASTE_OFFSET, PASTE_OFFSET), newNodeId));
}
