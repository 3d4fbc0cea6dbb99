/**
 * Every editor action with its keys and menus (see `command-types.ts`). To add one: an entry here
 * whose `run` calls an action in `src/stores/actions/`; keys, palette, menus and help follow.
 */
import type { XYPosition } from "@xyflow/react";
import { addFrame, addNote } from "@/stores/actions/add-annotation";
import { runWorkflow } from "@/stores/actions/run-workflow";
import { saveNow } from "@/stores/actions/save-workflow";
import { useGraphStore } from "@/stores/graph-store";
import type { CommandContext, EditorCommand } from "./command-types";

export const EDITOR_COMMANDS: readonly EditorCommand[] = [
  { id: "edit.undo", title: "Undo", group: "Edit", keys: ["Mod+Z"], inFields: true, run: () => useGraphStore.getState().undo() },
  { id: "edit.redo", title: "Redo", group: "Edit", keys: ["Mod+Shift+Z", "Mod+Y"], inFields: true, run: () => useGraphStore.getState().redo() },
  { id: "workflow.save", title: "Save now", group: "Workflow", keys: ["Mod+S"], inFields: true, run: () => void saveNow() },
  { id: "run.all", title: "Run workflow", group: "Run", keys: ["Mod+Enter"], inFields: true, run: () => void runWorkflow() },
  { id: "canvas.addNote", title: "Add note", group: "Canvas", menus: ["canvas"], run: (ctx) => void addNote(ctx.at ?? viewCentre(ctx)) },
  { id: "canvas.addFrame", title: "Add frame", group: "Canvas", menus: ["canvas"], run: (ctx) => void addFrame(ctx.at ?? viewCentre(ctx)) },
  {
    id: "canvas.frameSelection",
    title: "Frame selection",
    group: "Canvas",
    // Figma's key for the same thing.
    keys: ["Mod+Alt+G"],
    menus: ["node"],
    enabled: (ctx) => ctx.nodeIds.length > 0,
    run: (ctx) => void addFrame(undefined, ctx.nodeIds),
  },
];

/** The middle of the canvas in view, in flow units: where an add lands when no place is named. */
function viewCentre({ flow }: CommandContext): XYPosition | undefined {
  const canvas = document.querySelector<HTMLElement>('[data-testid="canvas"]')?.getBoundingClientRect();
  return canvas ? flow.screenToFlowPosition({ x: canvas.left + canvas.width / 2, y: canvas.top + canvas.height / 2 }) : undefined;
}
