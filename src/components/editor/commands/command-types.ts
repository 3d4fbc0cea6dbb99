/**
 * One editor action, named once: the keyboard handler, the command palette, the context menus and
 * the shortcut help all read the same list (`editor-commands.ts`), so a shortcut shown is a shortcut
 * that works.
 */
import type { ReactFlowInstance, XYPosition } from "@xyflow/react";

export type CommandGroup = "Edit" | "Selection" | "Canvas" | "Run" | "Workflow" | "View" | "Help";

/** Where a command is offered besides the palette: the canvas's right-click menu, a node's (or selection's). */
export type CommandMenu = "canvas" | "node";

export interface CommandContext {
  /** React Flow's instance: `screenToFlowPosition`, the viewport, measured sizes. */
  flow: Pick<ReactFlowInstance, "screenToFlowPosition" | "getInternalNode" | "getViewport" | "setViewport" | "fitView" | "getNodes" | "getNodesBounds" | "fitBounds">;
  /** Where the command acts, in flow coordinates: the menu's or the pointer's place; null when unknown (then the view's centre). */
  at: XYPosition | null;
  /** The nodes it acts on: the right-clicked node (with the selection it belongs to), else the selected nodes. */
  nodeIds: string[];
}

export interface EditorCommand {
  /** Stable id, e.g. `clipboard.copy`. */
  id: string;
  /** What people read in menus, the palette and the help, e.g. "Copy". */
  title: string;
  /** A line more for the palette's search and the help, when the title is not enough. */
  description?: string;
  group: CommandGroup;
  /** Key bindings, e.g. `["Mod+C"]` (Mod is Ctrl, or ⌘ on a Mac); the first one is shown. Matched by `keys.ts`. */
  keys?: string[];
  /** Also works while typing in a field (save, run, undo); otherwise a focused field keeps its keys. */
  inFields?: boolean;
  menus?: CommandMenu[];
  /** Destructive (delete): shown in red in menus. */
  danger?: true;
  /** Left out of the command palette (opening the palette itself, or an entry that only makes sense in a menu). */
  palette?: false;
  /** Greyed out (menus, palette) and ignored (keys) when false. */
  enabled?: (ctx: CommandContext) => boolean;
  run: (ctx: CommandContext) => void | Promise<void>;
}
