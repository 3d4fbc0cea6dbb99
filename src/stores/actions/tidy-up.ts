/**
 * Tidy up (issue 11): lays out the selection, or the whole graph when fewer than two nodes are
 * selected, as one undo step, then brings the tidied nodes into view.
 */
import type { Node, ReactFlowInstance } from "@xyflow/react";
import { isCanvasOnlyType } from "@/lib/canvas/canvas-only-types";
import { estimatedNodeSize } from "@/lib/canvas/estimated-node-size";
import { boundsOf, type Rect } from "@/lib/canvas/rect";
import { tidyUpLayout, type TidyNode, type XY } from "@/lib/canvas/tidy-up-layout";
import { create } from "zustand";
import { useGraphStore } from "@/stores/graph-store";

/** What tidying reads from and does to the canvas: measured sizes, and the view it fits. */
export type TidyView = Pick<ReactFlowInstance, "getInternalNode" | "fitBounds">;

/** The view shows at least this much around the tidied nodes (flow units), so two nodes are not blown up to fill the screen. */
const MIN_VIEW = { width: 1200, height: 800 };

/** True while a tidy-up is being worked out (the first one also loads ELK): the toolbar button says so. */
export const useTidying = create<{ busy: boolean }>()(() => ({ busy: false }));

/**
 * Tidies `nodeIds` when two or more of them can be laid out, else the whole graph. Returns how
 * many nodes moved (0 when there was nothing to do, or the graph changed while ELK worked).
 */
export async function tidyUp(nodeIds?: string[], view?: TidyView): Promise<number> {
  if (useTidying.getState().busy) return 0;
  useTidying.setState({ busy: true });
  try {
    return await tidyNow(nodeIds, view);
  } finally {
    useTidying.setState({ busy: false });
  }
}

async function tidyNow(nodeIds: string[] | undefined, view: TidyView | undefined): Promise<number> {
  const { nodes, edges, revision } = useGraphStore.getState();
  const chosen = new Set(nodeIds ?? []);
  const selection = nodes.filter((n) => chosen.has(n.id) && !isCanvasOnlyType(n.type)).length >= 2 ? chosen : undefined;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const sized = nodes.map((n) => sizedNode(n, absolutePosition(n, byId), view));
  const laidOut = await tidyUpLayout(sized, edges, selection);
  const positions = new Map([...laidOut].map(([id, p]) => [id, relativeToParent(p, byId.get(id)!, byId)]));
  // An edit made while the layout ran wins: positions computed for the graph before it would undo it.
  if (positions.size === 0 || useGraphStore.getState().revision !== revision) return 0;
  useGraphStore.getState().moveNodes(positions);
  const tidied = sized.filter((n) => laidOut.has(n.id)).map((n) => ({ ...laidOut.get(n.id)!, width: n.width, height: n.height }));
  if (view) void view.fitBounds(atLeast(boundsOf(tidied)!, MIN_VIEW), { padding: 0.15, duration: 200 });
  return positions.size;
}

/** The node's size as drawn (React Flow's measure), else its own (notes, frames), else the guess its definition gives. */
function sizedNode(n: Node, position: XY, view?: TidyView): TidyNode {
  const measured = n.measured?.width !== undefined ? n.measured : view?.getInternalNode(n.id)?.measured;
  const guess = estimatedNodeSize(n.type ?? "");
  return {
    id: n.id,
    type: n.type ?? "",
    position,
    width: measured?.width ?? n.width ?? guess.width,
    height: measured?.height ?? n.height ?? guess.height,
  };
}

/** Where the node is on the canvas: a child's position (a node inside a parent, should a frame hold nodes that way) is its parent's plus its own. */
function absolutePosition(n: Node, byId: ReadonlyMap<string, Node>): XY {
  const parent = n.parentId ? byId.get(n.parentId) : undefined;
  if (!parent) return n.position;
  const at = absolutePosition(parent, byId);
  return { x: at.x + n.position.x, y: at.y + n.position.y };
}

function relativeToParent(p: XY, n: Node, byId: ReadonlyMap<string, Node>): XY {
  const parent = n.parentId ? byId.get(n.parentId) : undefined;
  if (!parent) return p;
  const at = absolutePosition(parent, byId);
  return { x: p.x - at.x, y: p.y - at.y };
}

function atLeast(r: Rect, min: { width: number; height: number }): Rect {
  const width = Math.max(r.width, min.width);
  const height = Math.max(r.height, min.height);
  return { x: r.x - (width - r.width) / 2, y: r.y - (height - r.height) / 2, width, height };
}
