/**
 * Tidy up (issue 11): lays out the selection, or the whole graph when fewer than two nodes are
 * selected, as one undo step, then brings the tidied nodes into view.
 */
import type { Node, ReactFlowInstance } from "@xyflow/react";
import { isCanvasOnlyType } from "@/lib/canvas/canvas-only-types";
import { estimatedNodeSize } from "@/lib/canvas/estimated-node-size";
import { boundsOf, type Rect } from "@/lib/canvas/rect";
import { tidyUpLayout, type TidyNode } from "@/lib/canvas/tidy-up-layout";
import { useGraphStore } from "@/stores/graph-store";

/** What tidying reads from and does to the canvas: measured sizes, and the view it fits. */
export type TidyView = Pick<ReactFlowInstance, "getInternalNode" | "fitBounds">;

/** The view shows at least this much around the tidied nodes (flow units), so two nodes are not blown up to fill the screen. */
const MIN_VIEW = { width: 1200, height: 800 };

/**
 * Tidies `nodeIds` when two or more of them can be laid out, else the whole graph. Returns how
 * many nodes moved (0 when there was nothing to do, or the graph changed while ELK worked).
 */
export async function tidyUp(nodeIds?: string[], view?: TidyView): Promise<number> {
  const { nodes, edges, revision } = useGraphStore.getState();
  const chosen = new Set(nodeIds ?? []);
  const selection = nodes.filter((n) => chosen.has(n.id) && !isCanvasOnlyType(n.type)).length >= 2 ? chosen : undefined;
  const sized = nodes.map((n) => sizedNode(n, view));
  const positions = await tidyUpLayout(sized, edges, selection);
  // An edit made while the layout ran wins: positions computed for the graph before it would undo it.
  if (positions.size === 0 || useGraphStore.getState().revision !== revision) return 0;
  useGraphStore.getState().moveNodes(positions);
  const tidied = sized.filter((n) => positions.has(n.id)).map((n) => ({ ...positions.get(n.id)!, width: n.width, height: n.height }));
  if (view) void view.fitBounds(atLeast(boundsOf(tidied)!, MIN_VIEW), { padding: 0.15, duration: 200 });
  return positions.size;
}

/** The node's size as drawn (React Flow's measure), else its own (notes, frames), else the guess its definition gives. */
function sizedNode(n: Node, view?: TidyView): TidyNode {
  const measured = n.measured?.width !== undefined ? n.measured : view?.getInternalNode(n.id)?.measured;
  const guess = estimatedNodeSize(n.type ?? "");
  return {
    id: n.id,
    type: n.type ?? "",
    position: n.position,
    width: measured?.width ?? n.width ?? guess.width,
    height: measured?.height ?? n.height ?? guess.height,
  };
}

function atLeast(r: Rect, min: { width: number; height: number }): Rect {
  const width = Math.max(r.width, min.width);
  const height = Math.max(r.height, min.height);
  return { x: r.x - (width - r.width) / 2, y: r.y - (height - r.height) / 2, width, height };
}
