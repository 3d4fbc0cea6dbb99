/**
 * Every editor action with its keys and menus (see `command-types.ts`). To add one: an entry here
 * whose `run` calls an action in `src/stores/actions/`; keys, palette, menus and help follow.
 */
import { fitAllNodes } from "@/components/canvas/use-fit-all";
import { disconnectAll, edgesOf } from "@/stores/actions/disconnect-nodes";
import { runFromHere } from "@/stores/actions/run-nodes";
import { runWorkflow } from "@/stores/actions/run-workflow";
import { saveNow } from "@/stores/actions/save-workflow";
import { useGraphStore } from "@/stores/graph-store";
import { useRunStore } from "@/stores/run-store";
import { useUiStore } from "@/stores/ui-store";
import { selectPreviewing, useVersionPreviewStore } from "@/stores/version-preview-store";
import { chooseImportFile, exportCurrent } from "../transfer";
import type { CommandContext, EditorCommand } from "./command-types";
import { openMenuByKey } from "./open-menu-by-key";
import { openHelp, openPalette } from "./overlays";

const idle = () => useRunStore.getState().activeRunId === null;
const editable = () => !selectPreviewing(useVersionPreviewStore.getState());
const oneNode = (ctx: CommandContext) => ctx.nodeIds.length === 1 && idle();
const someNodes = (ctx: CommandContext) => ctx.nodeIds.length > 0 && idle();

function canvasSize(): { width: number; height: number } {
  const canvas = document.querySelector('[data-testid="canvas"]');
  return { width: canvas?.clientWidth ?? 0, height: canvas?.clientHeight ?? 0 };
}

export const EDITOR_COMMANDS: readonly EditorCommand[] = [
  { id: "edit.undo", title: "Undo", group: "Edit", keys: ["Mod+Z"], inFields: true, run: () => useGraphStore.getState().undo() },
  { id: "edit.redo", title: "Redo", group: "Edit", keys: ["Mod+Shift+Z", "Mod+Y"], inFields: true, run: () => useGraphStore.getState().redo() },
  { id: "workflow.save", title: "Save now", group: "Workflow", keys: ["Mod+S"], inFields: true, run: () => void saveNow() },
  { id: "run.all", title: "Run workflow", group: "Run", keys: ["Mod+Enter"], inFields: true, run: () => void runWorkflow() },
  { id: "run.node", title: "Run this node", group: "Run", menus: ["node"], enabled: oneNode, run: (ctx) => runWorkflow(ctx.nodeIds) },
  { id: "run.downstream", title: "Run from here", description: "This node and everything downstream of it", group: "Run", menus: ["node"], enabled: someNodes, run: (ctx) => runFromHere(ctx.nodeIds) },
  { id: "run.selection", title: "Run selection", group: "Run", menus: ["node"], enabled: (ctx) => ctx.nodeIds.length > 1 && idle(), run: (ctx) => runWorkflow(ctx.nodeIds) },
  {
    id: "node.disconnect",
    title: "Disconnect all",
    description: "Remove every wire into and out of the node",
    group: "Edit",
    menus: ["node"],
    enabled: (ctx) => editable() && edgesOf(ctx.nodeIds).length > 0,
    run: (ctx) => disconnectAll(ctx.nodeIds),
  },
  { id: "node.delete", title: "Delete", group: "Edit", menus: ["node"], danger: true, enabled: (ctx) => editable() && ctx.nodeIds.length > 0, run: (ctx) => useGraphStore.getState().removeNodes(ctx.nodeIds) },
  { id: "canvas.addNode", title: "Add node here…", group: "Canvas", menus: ["canvas"], palette: false, enabled: editable, run: (ctx) => openPalette({ at: ctx.at, nodesOnly: true }) },
  { id: "workflow.export", title: "Export JSON", description: "Download the workflow as a file", group: "Workflow", run: () => exportCurrent() },
  { id: "workflow.import", title: "Import JSON…", description: "Replace the canvas with a workflow file", group: "Workflow", enabled: editable, run: chooseImportFile },
  { id: "view.fit", title: "Fit view", description: "Zoom to show every node", group: "View", menus: ["canvas"], run: (ctx) => fitAllNodes(ctx.flow, canvasSize()) },
  { id: "view.minimap", title: "Toggle minimap", group: "View", keys: ["M"], run: () => useUiStore.getState().set({ minimapOpen: !useUiStore.getState().minimapOpen }) },
  { id: "view.history", title: "Open run history", group: "View", run: () => useUiStore.getState().set({ historyOpen: true }) },
  { id: "help.palette", title: "Command palette", group: "Help", keys: ["Mod+K"], inFields: true, palette: false, run: (ctx) => openPalette({ at: ctx.at }) },
  { id: "help.menu", title: "Open the context menu", group: "Help", keys: ["ContextMenu", "Shift+F10"], palette: false, run: (ctx) => openMenuByKey(ctx.nodeIds) },
  { id: "help.shortcuts", title: "Keyboard shortcuts", group: "Help", keys: ["?"], run: openHelp },
];
