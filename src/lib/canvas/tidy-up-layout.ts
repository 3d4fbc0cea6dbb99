/**
 * Tidy up: new positions for the nodes of a graph, left to right by data flow, each node's ports
 * in the order its definition lists them, boxes at least `SPACING` apart. ELK's layered
 * algorithm (elkjs, loaded on first use, in a worker: `elk-layout.ts`; it weighs 1.6 MB and most sessions never tidy) does
 * the layout; this module chooses what is laid out and where the result goes.
 *
 * Tidying part of a graph (`only`) lays out those nodes and the edges between them, keeps the
 * result's top-left where theirs was, and moves it right or down to the nearest place clear of
 * the nodes left alone. Notes and frames (`isCanvasOnlyType`) are never moved.
 */
import type { ElkExtendedEdge, ElkNode, ElkPort } from "elkjs/lib/elk-api";
import { nodeCatalogue } from "@/nodes/registry";
import { isCanvasOnlyType } from "./canvas-only-types";
import { elkLayout } from "./elk-layout";
import { boundsOf, grow, rectsOverlap, type Rect } from "./rect";

/** Clear room between any two boxes the layout places (flow units). */
export const SPACING = 40;
const BETWEEN_LAYERS = 2 * SPACING;

export interface XY {
  x: number;
  y: number;
}

/** A node at its size on the canvas: measured, else guessed (`estimated-size.ts`). */
export interface TidyNode {
  id: string;
  type: string;
  position: XY;
  width: number;
  height: number;
}

export interface TidyEdge {
  source: string;
  sourceHandle?: string | null;
  target: string;
  targetHandle?: string | null;
}

const LAYOUT_OPTIONS: Record<string, string> = {
  "elk.algorithm": "layered",
  "elk.direction": "RIGHT",
  "elk.spacing.nodeNode": String(SPACING),
  "elk.layered.spacing.nodeNodeBetweenLayers": String(BETWEEN_LAYERS),
  "elk.spacing.componentComponent": String(BETWEEN_LAYERS),
  "elk.spacing.edgeNode": String(SPACING / 2),
  "elk.layered.spacing.edgeNodeBetweenLayers": String(SPACING / 2),
  // The order nodes come in breaks ties, so tidying twice gives the same picture.
  "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
};

/**
 * The new top-left corner of each node that moves; nodes left alone are absent.
 *
 * @example
 * const moved = await tidyUpLayout(nodes, edges);            // the whole graph
 * const some = await tidyUpLayout(nodes, edges, new Set(ids)); // a selection, others kept clear of
 */
export async function tidyUpLayout(nodes: readonly TidyNode[], edges: readonly TidyEdge[], only?: ReadonlySet<string>): Promise<Map<string, XY>> {
  const laidOut = nodes.filter((n) => !isCanvasOnlyType(n.type) && (!only || only.has(n.id)));
  if (laidOut.length < 2) return new Map();
  const ids = new Set(laidOut.map((n) => n.id));
  const inside = edges.filter((e) => ids.has(e.source) && ids.has(e.target));

  const placed = await runElk(laidOut, inside);
  const from = boundsOf(laidOut.map(boxOf))!;
  const to = boundsOf(laidOut.map((n) => ({ ...placed.get(n.id)!, width: n.width, height: n.height })))!;
  const anchored = { x: from.x - to.x, y: from.y - to.y };
  const boxes = laidOut.map((n) => ({ id: n.id, x: placed.get(n.id)!.x + anchored.x, y: placed.get(n.id)!.y + anchored.y, width: n.width, height: n.height }));

  const others = nodes.filter((n) => !ids.has(n.id) && !isCanvasOnlyType(n.type)).map(boxOf);
  const shift = clearShift(boxes, others);
  return new Map(boxes.map((b) => [b.id, { x: b.x + shift.x, y: b.y + shift.y }]));
}

function boxOf(n: TidyNode): Rect {
  return { x: n.position.x, y: n.position.y, width: n.width, height: n.height };
}

async function runElk(nodes: readonly TidyNode[], edges: readonly TidyEdge[]): Promise<Map<string, XY>> {
  const ports = new Map<string, ElkPort[]>();
  const children: ElkNode[] = nodes.map((n) => {
    const own = portsOf(n);
    ports.set(n.id, own);
    return { id: n.id, width: n.width, height: n.height, ports: own, layoutOptions: { "elk.portConstraints": "FIXED_ORDER" } };
  });
  const known = (nodeId: string, portId: string) => (ports.get(nodeId)?.some((p) => p.id === portId) ? portId : nodeId);
  const elkEdges: ElkExtendedEdge[] = edges.map((e, i) => ({
    id: `edge-${i}`,
    sources: [known(e.source, portId(e.source, "out", e.sourceHandle))],
    targets: [known(e.target, portId(e.target, "in", e.targetHandle))],
  }));
  const graph = await elkLayout({ id: "root", layoutOptions: LAYOUT_OPTIONS, children, edges: elkEdges });
  return new Map((graph.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
}

function portId(nodeId: string, side: "in" | "out", handle: string | null | undefined): string {
  return `${nodeId}\u0000${side}\u0000${handle ?? ""}`;
}

/**
 * Inputs on the left and outputs on the right, each top to bottom as the definition lists them.
 * ELK numbers FIXED_ORDER ports clockwise from the top-left corner: down the right side, then up the left.
 */
function portsOf(n: TidyNode): ElkPort[] {
  const definition = nodeCatalogue.get(n.type);
  const outputs = Object.keys(definition?.outputs ?? {});
  const inputs = Object.keys(definition?.inputs ?? {});
  const port = (handle: string, side: "in" | "out", index: number): ElkPort => ({
    id: portId(n.id, side, handle),
    width: 1,
    height: 1,
    layoutOptions: { "elk.port.side": side === "in" ? "WEST" : "EAST", "elk.port.index": String(index) },
  });
  return [
    ...outputs.map((h, i) => port(h, "out", i)),
    ...inputs.map((h, i) => port(h, "in", outputs.length + inputs.length - 1 - i)),
  ];
}

/**
 * How far to move the laid-out boxes so none comes within `SPACING` of a node left alone: not at
 * all if they are clear, else the smallest move right (past some node) or down (below some node)
 * that clears them all. Past the right-most node is always clear, so there is always an answer.
 */
function clearShift(boxes: readonly Rect[], others: readonly Rect[]): XY {
  if (others.length === 0) return { x: 0, y: 0 };
  const block = boundsOf(boxes)!;
  const clear = (dx: number, dy: number) =>
    !boxes.some((b) => others.some((o) => rectsOverlap(grow({ x: b.x + dx, y: b.y + dy, width: b.width, height: b.height }, SPACING - 1), o)));
  const candidates: XY[] = [{ x: 0, y: 0 }];
  for (const o of others) {
    const right = o.x + o.width + SPACING - block.x;
    const down = o.y + o.height + SPACING - block.y;
    if (right > 0) candidates.push({ x: right, y: 0 });
    if (down > 0) candidates.push({ x: 0, y: down });
  }
  candidates.sort((a, b) => a.x + a.y - (b.x + b.y));
  return candidates.find((c) => clear(c.x, c.y)) ?? { x: Math.max(...others.map((o) => o.x + o.width)) + SPACING - block.x, y: 0 };
}
