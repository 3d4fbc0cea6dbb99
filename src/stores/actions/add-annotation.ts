/**
 * Adding notes and frames (canvas-only nodes, DESIGN §9): a note where asked; a frame where
 * asked, or sized to surround the chosen nodes with some room. Each is one undoable step.
 */
import type { XYPosition } from "@xyflow/react";
import { boundsOf, type Rect } from "@/lib/canvas/rect";
import { frameNode } from "@/nodes/frame/definition";
import { noteNode } from "@/nodes/note/definition";
import { nodeBox } from "../frame-drag";
import { useGraphStore } from "../graph-store";

/** Room between a frame's edge and the nodes it surrounds; more on top, under its title bar. */
export const FRAME_PADDING = 40;
export const FRAME_TITLE_ROOM = 40;
/** A node not measured yet is taken to be this big. */
const UNMEASURED = { width: 300, height: 200 };

/** Right of everything on the canvas, so a note added with no place named covers nothing. */
function besideGraph(): XYPosition {
  const bounds = boundsOf(useGraphStore.getState().nodes.map((n) => nodeBox(n) ?? { ...n.position, ...UNMEASURED }));
  return bounds ? { x: bounds.x + bounds.width + FRAME_PADDING, y: bounds.y } : { x: 0, y: 0 };
}

/** Adds a note with its top-left corner at `at` (beside the graph when not given); returns its id. */
export function addNote(at?: XYPosition): string {
  return useGraphStore.getState().addNode(noteNode.type, at ?? besideGraph());
}

/**
 * Adds a frame: around `nodeIds` when given (their boxes plus padding, so dragging it carries
 * them), else with its top-left corner at `at` (beside the graph when not given); returns its id.
 */
export function addFrame(at?: XYPosition, nodeIds: readonly string[] = []): string {
  const chosen = new Set(nodeIds);
  const boxes: Rect[] = useGraphStore
    .getState()
    .nodes.filter((n) => chosen.has(n.id))
    .map((n) => nodeBox(n) ?? { ...n.position, ...UNMEASURED });
  const around = boundsOf(boxes);
  if (!around) return useGraphStore.getState().addNode(frameNode.type, at ?? besideGraph());
  const position = { x: around.x - FRAME_PADDING, y: around.y - FRAME_PADDING - FRAME_TITLE_ROOM };
  const size = { width: around.width + 2 * FRAME_PADDING, height: around.height + 2 * FRAME_PADDING + FRAME_TITLE_ROOM };
  return useGraphStore.getState().addNode(frameNode.type, position, undefined, size);
}
