/**
 * Every editor action with its keys and menus (see `command-types.ts`). To add one: an entry here
 * whose `run` calls an action in `src/stores/actions/`; keys, palette, menus and help follow.
 */
import { copyNodes, cutNodes, duplicateNodes, pageTextSelected, pasteFromClipboard } from "@/stores/actions/clipboard";
import { startRename } from "@/stores/actions/rename-node";
import { runWorkflow } from "@/stores/actions/run-workflow";
import { saveNow } from "@/stores/actions/save-workflow";
import { canEditGraph, clearSelection, deleteSelection, hasSelection, selectAll, toggleSelectionMode } from "@/stores/actions/selection";
import { useGraphStore } from "@/stores/graph-store";
import type { CommandContext, EditorCommand } from "./command-types";

/** Acts on nodes of the editor's graph (not a previewed version's). */
const someNodes = (ctx: CommandContext) => canEditGraph() && ctx.nodeIds.length > 0;

export const EDITOR_COMMANDS: readonly EditorCommand[] = [
  { id: "edit.undo", title: "Undo", group: "Edit", keys: ["Mod+Z"], inFields: true, run: () => useGraphStore.getState().undo() },
  { id: "edit.redo", title: "Redo", group: "Edit", keys: ["Mod+Shift+Z", "Mod+Y"], inFields: true, run: () => useGraphStore.getState().redo() },
  { id: "workflow.save", title: "Save now", group: "Workflow", keys: ["Mod+S"], inFields: true, run: () => void saveNow() },
  // Selection
  { id: "selection.all", title: "Select all", group: "Selection", keys: ["Mod+A"], menus: ["canvas"], enabled: canEditGraph, run: selectAll },
  { id: "selection.clear", title: "Clear selection", group: "Selection", keys: ["Escape"], enabled: hasSelection, run: clearSelection },
  { id: "selection.delete", title: "Delete", group: "Selection", keys: ["Delete", "Backspace"], menus: ["node"], enabled: () => canEditGraph() && hasSelection(), run: (ctx) => deleteSelection(ctx.nodeIds) },
  { id: "selection.box-mode", title: "Toggle box selection (drag selects)", group: "Selection", keys: ["S"], run: toggleSelectionMode },
  // Clipboard: a copied text selection on the page stays the browser's.
  { id: "clipboard.copy", title: "Copy", group: "Edit", keys: ["Mod+C"], menus: ["node"], enabled: (ctx) => ctx.nodeIds.length > 0 && !pageTextSelected(), run: (ctx) => copyNodes(ctx.nodeIds) },
  { id: "clipboard.cut", title: "Cut", group: "Edit", keys: ["Mod+X"], menus: ["node"], enabled: (ctx) => someNodes(ctx) && !pageTextSelected(), run: (ctx) => cutNodes(ctx.nodeIds) },
  { id: "clipboard.paste", title: "Paste", group: "Edit", keys: ["Mod+V"], menus: ["canvas"], enabled: canEditGraph, run: (ctx) => pasteFromClipboard(ctx.at) },
  { id: "clipboard.duplicate", title: "Duplicate", group: "Edit", keys: ["Mod+D"], menus: ["node"], enabled: someNodes, run: (ctx) => duplicateNodes(ctx.nodeIds) },
  // Names
  { id: "node.rename", title: "Rename", group: "Edit", keys: ["F2"], menus: ["node"], enabled: (ctx) => canEditGraph() && ctx.nodeIds.length === 1, run: (ctx) => startRename(ctx.nodeIds[0]) },
  { id: "run.all", title: "Run workflow", group: "Run", keys: ["Mod+Enter"], inFields: true, run: () => void runWorkflow() },
];
