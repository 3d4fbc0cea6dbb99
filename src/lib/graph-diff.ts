/**
 * What differs between two graphs, node by node and edge by edge: the Versions preview colours
 * the canvas with it. `base` is the graph compared against (the editor's), `shown` the one drawn
 * (a saved version): "added" is in `shown` only, "removed" in `base` only. Pure, and shaped
 * loosely so both saved (wire) graphs and React Flow's nodes and edges fit.
 */

export interface DiffNode {
  id: string;
  type?: string;
  position: { x: number; y: number };
  data?: unknown;
  /** A resizable node's saved size (a note, a frame). */
  width?: number | null;
  height?: number | null;
}

export interface DiffEdge {
  id: string;
  source: string;
  sourceHandle?: string | null;
  target: string;
  targetHandle?: string | null;
}

export interface DiffGraph {
  nodes: readonly DiffNode[];
  edges: readonly DiffEdge[];
}

/** "changed": same id, another type or data; "moved": only its position or size differs (a lighter mark). */
export type NodeDiffKind = "added" | "removed" | "changed" | "moved" | "unchanged";
/** "changed": same id, other ends. An edge with a new id between the same ports is the same connection. */
export type EdgeDiffKind = "added" | "removed" | "changed" | "unchanged";

export interface GraphDiff {
  /** Every node id of either graph. */
  nodes: Map<string, NodeDiffKind>;
  /** `shown`'s edges by id, and `base`'s edges that `shown` lacks ("removed"), by theirs. */
  edges: Map<string, EdgeDiffKind>;
  counts: { nodes: Record<NodeDiffKind, number>; edges: Record<EdgeDiffKind, number> };
}

/** Positions are saved to a hundredth of a pixel; anything below half a pixel is float noise. */
const POSITION_TOLERANCE = 0.5;

export function diffGraphs(base: DiffGraph, shown: DiffGraph): GraphDiff {
  const nodes = diffNodes(base.nodes, shown.nodes);
  const edges = diffEdges(base.edges, shown.edges);
  return { nodes, edges, counts: { nodes: countKinds(nodes, NODE_KINDS), edges: countKinds(edges, EDGE_KINDS) } };
}

const NODE_KINDS = ["added", "removed", "changed", "moved", "unchanged"] as const satisfies readonly NodeDiffKind[];
const EDGE_KINDS = ["added", "removed", "changed", "unchanged"] as const satisfies readonly EdgeDiffKind[];

function diffNodes(base: readonly DiffNode[], shown: readonly DiffNode[]): Map<string, NodeDiffKind> {
  const before = new Map(base.map((n) => [n.id, n]));
  const kinds = new Map<string, NodeDiffKind>();
  for (const node of shown) {
    const old = before.get(node.id);
    if (!old) kinds.set(node.id, "added");
    else if ((old.type ?? "") !== (node.type ?? "") || !sameValue(old.data ?? {}, node.data ?? {})) kinds.set(node.id, "changed");
    else if (!samePosition(old.position, node.position) || !sameSize(old, node)) kinds.set(node.id, "moved");
    else kinds.set(node.id, "unchanged");
  }
  for (const node of base) if (!kinds.has(node.id)) kinds.set(node.id, "removed");
  return kinds;
}

function diffEdges(base: readonly DiffEdge[], shown: readonly DiffEdge[]): Map<string, EdgeDiffKind> {
  const before = new Map(base.map((e) => [e.id, e]));
  const matched = new Set<string>();
  const kinds = new Map<string, EdgeDiffKind>();
  // By id first, so an edge whose ends moved reads as changed, not as one removed and one added.
  for (const edge of shown) {
    const old = before.get(edge.id);
    if (!old) continue;
    matched.add(old.id);
    kinds.set(edge.id, endsOf(old) === endsOf(edge) ? "unchanged" : "changed");
  }
  // Then by ends: the same connection saved under another id.
  const unmatchedByEnds = new Map<string, string[]>();
  for (const old of base) {
    if (matched.has(old.id)) continue;
    const key = endsOf(old);
    unmatchedByEnds.set(key, [...(unmatchedByEnds.get(key) ?? []), old.id]);
  }
  for (const edge of shown) {
    if (kinds.has(edge.id)) continue;
    const same = unmatchedByEnds.get(endsOf(edge))?.shift();
    if (same !== undefined) matched.add(same);
    kinds.set(edge.id, same !== undefined ? "unchanged" : "added");
  }
  for (const old of base) if (!matched.has(old.id)) kinds.set(old.id, "removed");
  return kinds;
}

function endsOf(e: DiffEdge): string {
  return JSON.stringify([e.source, e.sourceHandle ?? "", e.target, e.targetHandle ?? ""]);
}

function samePosition(a: DiffNode["position"], b: DiffNode["position"]): boolean {
  return Math.abs(a.x - b.x) < POSITION_TOLERANCE && Math.abs(a.y - b.y) < POSITION_TOLERANCE;
}

function sameSize(a: DiffNode, b: DiffNode): boolean {
  const close = (p?: number | null, q?: number | null) => (p ?? null) === (q ?? null) || (p != null && q != null && Math.abs(p - q) < POSITION_TOLERANCE);
  return close(a.width, b.width) && close(a.height, b.height);
}

/** Deep equality of JSON-like values; a key holding `undefined` counts as absent (JSON drops it on save). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  }
  const left = definedEntries(a);
  const right = new Map(definedEntries(b));
  return left.length === right.size && left.every(([key, value]) => right.has(key) && sameValue(value, right.get(key)));
}

function definedEntries(value: object): [string, unknown][] {
  return Object.entries(value).filter(([, v]) => v !== undefined);
}

function countKinds<K extends string>(kinds: Map<string, K>, all: readonly K[]): Record<K, number> {
  const counts = Object.fromEntries(all.map((k) => [k, 0])) as Record<K, number>;
  for (const kind of kinds.values()) counts[kind] += 1;
  return counts;
}
