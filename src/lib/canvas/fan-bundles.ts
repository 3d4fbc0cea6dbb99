/**
 * Wires that fan out of one port to nodes off screen, folded into one drawn bundle. React Flow
 * mounts an edge component for every edge crossing the view: a 1 → 499 fan-out opened on its
 * source mounted 499 of them, most of the time it took to open (issue 10). Here, at the view
 * last settled on, the wires of one port whose far end is out of view become ONE edge of type
 * `fan` (drawn as one path by `components/canvas/fan-edge.tsx`); wires with both ends in view,
 * selected ones, and ports with few such wires stay edges of their own (except zoomed far out,
 * where every wire of such a port is bundled). Panning a target into view and letting go makes
 * its wire a normal edge again.
 */
import type { Edge, Node } from "@xyflow/react";
import { rectsOverlap, type Rect } from "./rect";

export const FAN_EDGE_TYPE = "fan";
/** Fewer off-screen wires than this on one port are drawn one by one (the saving would be small). */
export const FAN_MIN_WIRES = 8;
/** A node never measured nor guessed (estimated-size.ts gives every drawn node a size). */
const UNKNOWN_SIZE = 300;

export interface FanMember {
  id: string;
  target: string;
  targetHandle: string | null;
}

export interface FanBundleData extends Record<string, unknown> {
  members: FanMember[];
}

export function isFanBundle(edge: Edge): edge is Edge<FanBundleData> {
  return edge.type === FAN_EDGE_TYPE;
}

/** The part of the canvas (flow units) a pane of `width` × `height` shows at this pan and zoom. */
export function viewRect(view: { x: number; y: number; zoom: number }, width: number, height: number): Rect {
  return { x: (0 - view.x) / view.zoom, y: (0 - view.y) / view.zoom, width: width / view.zoom, height: height / view.zoom };
}

/** Ids of the nodes whose box touches `view`, in the nodes' order. */
export function nodesInView(nodes: readonly Node[], view: Rect): string[] {
  const ids: string[] = [];
  for (const n of nodes) {
    const box = {
      x: n.position.x,
      y: n.position.y,
      width: n.measured?.width ?? n.width ?? n.initialWidth ?? UNKNOWN_SIZE,
      height: n.measured?.height ?? n.height ?? n.initialHeight ?? UNKNOWN_SIZE,
    };
    if (rectsOverlap(box, view)) ids.push(n.id);
  }
  return ids;
}

/**
 * `edges` with each port's wires from a node in view to nodes out of view folded into one `fan`
 * edge, when there are at least `FAN_MIN_WIRES` of them drawn alike (same look, same animation).
 * With `everyWire` (zoomed so far out that nodes are outlines and no wire can be aimed at) wires to
 * nodes in view are folded too. The bundle takes the place of its first wire; every other edge
 * keeps its object.
 */
export function bundleFans(edges: readonly Edge[], inView: ReadonlySet<string>, options: { everyWire?: boolean } = {}): Edge[] {
  const groups = new Map<string, Edge[]>();
  const keyOf = new Map<Edge, string>();
  for (const e of edges) {
    if (e.selected || !inView.has(e.source) || (!options.everyWire && inView.has(e.target))) continue;
    // Wires drawn alike: the same look (a version preview paints each kind of change its own way).
    const key = `${e.source}\u0000${e.sourceHandle ?? ""}\u0000${e.animated ? 1 : 0}\u0000${JSON.stringify(e.style ?? {})}\u0000${JSON.stringify(e.domAttributes ?? {})}`;
    keyOf.set(e, key);
    const group = groups.get(key);
    if (group) group.push(e);
    else groups.set(key, [e]);
  }
  const out: Edge[] = [];
  for (const e of edges) {
    const key = keyOf.get(e);
    const group = key === undefined ? undefined : groups.get(key);
    if (!group || group.length < FAN_MIN_WIRES) out.push(e);
    else if (group[0] === e) out.push(bundleOf(group));
  }
  return out;
}

function bundleOf(wires: Edge[]): Edge<FanBundleData> {
  const first = wires[0]!;
  return {
    id: `fan:${first.id}`,
    type: FAN_EDGE_TYPE,
    source: first.source,
    sourceHandle: first.sourceHandle ?? null,
    // React Flow needs one real end to place and cull the edge; the component draws every member.
    target: first.target,
    targetHandle: first.targetHandle ?? null,
    animated: first.animated,
    style: first.style,
    domAttributes: first.domAttributes,
    selectable: false,
    focusable: false,
    deletable: false,
    interactionWidth: 0,
    data: { members: wires.map((w) => ({ id: w.id, target: w.target, targetHandle: w.targetHandle ?? null })) },
  };
}
