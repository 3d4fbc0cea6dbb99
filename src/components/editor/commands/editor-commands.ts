/**
 * Every editor action with its keys and menus (see `command-types.ts`). To add one: an entry here
 * whose `run` calls an action in `src/stores/actions/`; keys, palette, menus and help follow.
 */
import { runWorkflow } from "@/stores/actions/run-workflow";
import { saveNow } from "@/stores/actions/save-workflow";
import { tidyUp } from "@/stores/actions/tidy-up";
import { useGraphStore } from "@/stores/graph-store";
import { selectPreviewing, useVersionPreviewStore } from "@/stores/version-preview-store";
import type { EditorCommand } from "./command-types";

export const EDITOR_COMMANDS: readonly EditorCommand[] = [
  { id: "edit.undo", title: "Undo", group: "Edit", keys: ["Mod+Z"], inFields: true, run: () => useGraphStore.getState().undo() },
  { id: "edit.redo", title: "Redo", group: "Edit", keys: ["Mod+Shift+Z", "Mod+Y"], inFields: true, run: () => useGraphStore.getState().redo() },
  { id: "workflow.save", title: "Save now", group: "Workflow", keys: ["Mod+S"], inFields: true, run: () => void saveNow() },
  {
    id: "canvas.tidy-up",
    title: "Tidy up",
    group: "Canvas",
    keys: ["Shift+Alt+T"],
    menus: ["canvas", "node"],
    // The selection when two or more nodes are selected (or right-clicked), else the whole graph.
    enabled: () => useGraphStore.getState().nodes.length >= 2 && !selectPreviewing(useVersionPreviewStore.getState()),
    run: (ctx) => void tidyUp(ctx.nodeIds, ctx.flow),
  },
  { id: "run.all", title: "Run workflow", group: "Run", keys: ["Mod+Enter"], inFields: true, run: () => void runWorkflow() },
];
