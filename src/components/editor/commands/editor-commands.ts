/**
 * Every editor action with its keys and menus (see `command-types.ts`). To add one: an entry here
 * whose `run` calls an action in `src/stores/actions/`; keys, palette, menus and help follow.
 */
import type { XYPosition } from "@xyflow/react";
import { fitAllNodes } from "@/components/canvas/use-fit-all";
import { nodeCatalogue } from "@/nodes/registry";
import { addFrame, addNote } from "@/stores/actions/add-annotation";
import { copyNodes, cutNodes, duplicateNodes, pageTextSelected, pasteFromClipboard } from "@/stores/actions/clipboard";
import { disconnectAll, edgesOf } from "@/stores/actions/disconnect-nodes";
import { startRename } from "@/stores/actions/rename-node";
import { runFromHere } from "@/stores/actions/run-nodes";
import { runWorkflow } from "@/stores/actions/run-workflow";
import { saveNow } from "@/stores/actions/save-workflow";
import { canEditGraph, clearSelection, deleteSelection, hasSelection, selectAll, toggleSelectionMode } from "@/stores/actions/selection";
import { tidyUp } from "@/stores/actions/tidy-up";
import { useGraphStore } from "@/stores/graph-store";
import { useRunStore } from "@/stores/run-store";
import { useUiStore } from "@/stores/ui-store";
import { chooseImportFile, exportCurrent } from "../transfer";
import type { CommandContext, EditorCommand } from "./command-types";
import { openMenuByKey } from "./open-menu-by-key";
import { openHelp, openPalette } from "./overlays";

/** Acts on nodes of the editor's graph (not a previewed version's). */
const someNodes = (ctx: CommandContext) => canEditGraph() && ctx.nodeIds.length > 0;
/** A run can start: none is going on. */
const idle = () => useRunStore.getState().activeRunId === null;
const runOne = (ctx: CommandContext) => ctx.nodeIds.length === 1 && idle();
const runSome = (ctx: CommandContext) => ctx.nodeIds.length > 0 && idle();
const hasOutputs = (id: string | undefined) => {
  const type = useGraphStore.getState().nodes.find((n) => n.id === id)?.type;
  return Object.keys(nodeCatalogue.get(type ?? "")?.outputs ?? {}).length > 0;
};

function canvasSize(): { width: number; height: number } {
  const canvas = document.querySelector('[data-testid="canvas"]');
  return { width: canvas?.clientWidth ?? 0, height: canvas?.clientHeight ?? 0 };
}

export const EDITOR_COMMANDS: readonly EditorCommand[] = [
  { id: "edit.undo", title: "Undo", group: "Edit", keys: ["Mod+Z"], inFields: true, run: () => useGraphStore.getState().undo() },
  { id: "edit.redo", title: "Redo", group: "Edit", keys: ["Mod+Shift+Z", "Mod+Y"], inFields: true, run: () => useGraphStore.getState().redo() },
  { id: "workflow.save", title: "Save now", group: "Workflow", keys: ["Mod+S"], inFields: true, run: () => void saveNow() },
  // Runs first: a node menu opens on "Run this node", never on Delete.
  { id: "run.node", title: "Run this node", group: "Run", menus: ["node"], enabled: runOne, run: (ctx) => runWorkflow(ctx.nodeIds) },
  { id: "run.downstream", title: "Run from here", description: "This node and everything downstream of it", group: "Run", menus: ["node"], enabled: runSome, run: (ctx) => runFromHere(ctx.nodeIds) },
  { id: "run.selection", title: "Run selection", group: "Run", menus: ["node"], enabled: (ctx) => ctx.nodeIds.length > 1 && idle(), run: (ctx) => runWorkflow(ctx.nodeIds) },
  // Selection
  { id: "selection.all", title: "Select all", group: "Selection", keys: ["Mod+A"], menus: ["canvas"], enabled: canEditGraph, run: selectAll },
  { id: "selection.clear", title: "Clear selection", group: "Selection", keys: ["Escape"], enabled: hasSelection, run: clearSelection },
  { id: "selection.delete", title: "Delete", group: "Selection", keys: ["Delete", "Backspace"], menus: ["node"], danger: true, enabled: (ctx) => canEditGraph() && (ctx.nodeIds.length > 0 || hasSelection()), run: (ctx) => deleteSelection(ctx.nodeIds) },
  { id: "selection.box-mode", title: "Toggle box selection (drag selects)", group: "Selection", keys: ["S"], run: toggleSelectionMode },
  // Clipboard: a copied text selection on the page stays the browser's.
  { id: "clipboard.copy", title: "Copy", group: "Edit", keys: ["Mod+C"], menus: ["node"], enabled: (ctx) => ctx.nodeIds.length > 0 && !pageTextSelected(), run: (ctx) => copyNodes(ctx.nodeIds) },
  { id: "clipboard.cut", title: "Cut", group: "Edit", keys: ["Mod+X"], menus: ["node"], enabled: (ctx) => someNodes(ctx) && !pageTextSelected(), run: (ctx) => cutNodes(ctx.nodeIds) },
  { id: "clipboard.paste", title: "Paste", group: "Edit", keys: ["Mod+V"], menus: ["canvas"], enabled: canEditGraph, run: (ctx) => pasteFromClipboard(ctx.at) },
  { id: "clipboard.duplicate", title: "Duplicate", group: "Edit", keys: ["Mod+D"], menus: ["node"], enabled: someNodes, run: (ctx) => duplicateNodes(ctx.nodeIds) },
  // Names
  { id: "node.rename", title: "Rename", group: "Edit", keys: ["F2"], menus: ["node"], enabled: (ctx) => canEditGraph() && ctx.nodeIds.length === 1, run: (ctx) => startRename(ctx.nodeIds[0]) },
  {
    id: "node.connect",
    title: "Connect output to…",
    description: "Choose an input to wire this node's output to (no dragging)",
    group: "Edit",
    menus: ["node"],
    palette: false,
    enabled: (ctx) => canEditGraph() && ctx.nodeIds.length === 1 && hasOutputs(ctx.nodeIds[0]),
    run: (ctx) => useUiStore.getState().set({ connectFrom: ctx.nodeIds[0] }),
  },
  {
    id: "canvas.tidy-up",
    title: "Tidy up",
    group: "Canvas",
    keys: ["Shift+Alt+T"],
    menus: ["canvas", "node"],
    // The selection when two or more nodes are selected (or right-clicked), else the whole graph.
    enabled: () => canEditGraph() && useGraphStore.getState().nodes.length >= 2,
    run: (ctx) => void tidyUp(ctx.nodeIds, ctx.flow),
  },
  { id: "run.all", title: "Run workflow", group: "Run", keys: ["Mod+Enter"], inFields: true, run: () => void runWorkflow() },
  {
    id: "node.disconnect",
    title: "Disconnect all",
    description: "Remove every wire into and out of the node",
    group: "Edit",
    menus: ["node"],
    enabled: (ctx) => canEditGraph() && edgesOf(ctx.nodeIds).length > 0,
    run: (ctx) => disconnectAll(ctx.nodeIds),
  },
  { id: "canvas.addNode", title: "Add node here…", group: "Canvas", menus: ["canvas"], palette: false, enabled: canEditGraph, run: (ctx) => openPalette({ at: ctx.at, nodesOnly: true }) },
  { id: "workflow.export", title: "Export JSON", description: "Download the workflow as a file", group: "Workflow", run: () => exportCurrent() },
  { id: "workflow.import", title: "Import JSON…", description: "Replace the canvas with a workflow file", group: "Workflow", enabled: canEditGraph, run: chooseImportFile },
  { id: "view.fit", title: "Fit view", description: "Zoom to show every node", group: "View", menus: ["canvas"], run: (ctx) => fitAllNodes(ctx.flow, canvasSize()) },
  { id: "view.minimap", title: "Toggle minimap", group: "View", keys: ["M"], run: () => useUiStore.getState().set({ minimapOpen: !useUiStore.getState().minimapOpen }) },
  { id: "view.history", title: "Open run history", group: "View", run: () => useUiStore.getState().set({ historyOpen: true }) },
  { id: "help.palette", title: "Command palette", group: "Help", keys: ["Mod+K"], inFields: true, palette: false, run: (ctx) => openPalette({ at: ctx.at }) },
  { id: "help.menu", title: "Open the context menu", group: "Help", keys: ["ContextMenu", "Shift+F10"], palette: false, run: (ctx) => openMenuByKey(ctx.nodeIds) },
  { id: "help.shortcuts", title: "Keyboard shortcuts", group: "Help", keys: ["?"], run: openHelp },
  { id: "canvas.addNote", title: "Add note", group: "Canvas", menus: ["canvas"], enabled: canEditGraph, run: (ctx) => void addNote(ctx.at ?? viewCentre(ctx)) },
  { id: "canvas.addFrame", title: "Add frame", group: "Canvas", menus: ["canvas"], enabled: canEditGraph, run: (ctx) => void addFrame(ctx.at ?? viewCentre(ctx)) },
  {
    id: "canvas.frameSelection",
    title: "Frame selection",
    group: "Canvas",
    // Figma's key for the same thing.
    keys: ["Mod+Alt+G"],
    menus: ["node"],
    enabled: someNodes,
    run: (ctx) => void addFrame(undefined, ctx.nodeIds),
  },
];

/** The middle of the canvas in view, in flow units: where an add lands when no place is named. */
function viewCentre({ flow }: CommandContext): XYPosition | undefined {
  const canvas = document.querySelector<HTMLElement>('[data-testid="canvas"]')?.getBoundingClientRect();
  return canvas ? flow.screenToFlowPosition({ x: canvas.left + canvas.width / 2, y: canvas.top + canvas.height / 2 }) : undefined;
}
