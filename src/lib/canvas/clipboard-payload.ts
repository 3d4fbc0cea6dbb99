/**
 * What copy, cut, paste and duplicate move: a set of nodes with the edges between them, as JSON
 * text in an envelope (`{"galaxy":"nodes","version":1,nodes,edges}`) so it pastes into another
 * workflow or another tab. Text read back is checked like an import (the shared graph validator)
 * before anything reaches the canvas: the clipboard may hold anything.
 */
import type { Edge, Node, XYPosition } from "@xyflow/react";
import { DEFAULT_GRAPH_LIMITS, validateGraph, type GraphLimits } from "@/engine/validate-graph";
import { DEFAULT_MAX_BODY_BYTES } from "@/contracts/limits";
import { plainImportIssue } from "@/lib/import-check";
import { nodeCatalogue } from "@/nodes/registry";

export interface ClipboardEnvelope {
  galaxy: "nodes";
  version: 1;
  nodes: Node[];
  edges: Edge[];
}

export interface GraphPiece {
  nodes: Node[];
  edges: Edge[];
}

export type ParsedPaste = { ok: true; piece: GraphPiece } | { ok: false; kind: "not-ours" | "refused"; message: string };

/** What the canvas holds already: a paste may not take it past the graph limits. */
export interface CanvasCount {
  nodes: number;
  edges: number;
}

export const NOT_OURS_MESSAGE = "The clipboard holds no Galaxy nodes.";

/** Only what a node is (not how it is shown: selection, drag, measuring, a parent that is not copied). */
function portableNode(node: Node): Node {
  const kept: Node = { id: node.id, type: node.type, position: { x: node.position.x, y: node.position.y }, data: structuredClone(node.data) };
  if (typeof node.width === "number") kept.width = node.width;
  if (typeof node.height === "number") kept.height = node.height;
  return kept;
}

function portableEdge(edge: Edge): Edge {
  return { id: edge.id, source: edge.source, sourceHandle: edge.sourceHandle, target: edge.target, targetHandle: edge.targetHandle };
}

/** The nodes `ids` and the edges with both ends among them. */
export function pickPiece(graph: GraphPiece, ids: readonly string[]): GraphPiece {
  const inside = new Set(ids);
  return {
    nodes: graph.nodes.filter((n) => inside.has(n.id)).map(portableNode),
    edges: graph.edges.filter((e) => inside.has(e.source) && inside.has(e.target)).map(portableEdge),
  };
}

export function serializePiece(piece: GraphPiece): string {
  const envelope: ClipboardEnvelope = { galaxy: "nodes", version: 1, nodes: piece.nodes, edges: piece.edges };
  return JSON.stringify(envelope);
}

function isEnvelope(json: unknown): json is { galaxy: "nodes"; version: 1; nodes: unknown; edges?: unknown } {
  return typeof json === "object" && json !== null && (json as { galaxy?: unknown }).galaxy === "nodes" && (json as { version?: unknown }).version === 1;
}

function refused(reason: string): ParsedPaste {
  return { ok: false, kind: "refused", message: `These nodes cannot be pasted: ${reason}.` };
}

/**
 * Reads clipboard text. Not JSON, or JSON that is not our envelope: `not-ours` (the caller may stay
 * quiet). Our envelope with anything wrong, or too big for the canvas: `refused`, in plain words.
 *
 * @example
 * parsePaste('{"galaxy":"nodes","version":1,"nodes":[{"id":"a","type":"nope","position":{"x":0,"y":0},"data":{}}],"edges":[]}', { nodes: 0, edges: 0 });
 * // { ok: false, kind: "refused", message: "These nodes cannot be pasted: node 1 is of a type Galaxy does not know (\"nope\")." }
 */
export function parsePaste(text: string, canvas: CanvasCount, limits: GraphLimits = DEFAULT_GRAPH_LIMITS): ParsedPaste {
  if (text.length > DEFAULT_MAX_BODY_BYTES) return looksOurs(text) ? refused("they are more than a workflow may hold") : { ok: false, kind: "not-ours", message: NOT_OURS_MESSAGE };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, kind: "not-ours", message: NOT_OURS_MESSAGE };
  }
  if (!isEnvelope(json)) return { ok: false, kind: "not-ours", message: NOT_OURS_MESSAGE };
  const graph = { nodes: json.nodes, edges: json.edges ?? [] };
  if (Array.isArray(graph.nodes) && canvas.nodes + graph.nodes.length > limits.maxNodes) {
    return refused(`${graph.nodes.length} more nodes would make ${canvas.nodes + graph.nodes.length} on this canvas, and a workflow holds at most ${limits.maxNodes}`);
  }
  if (Array.isArray(graph.edges) && canvas.edges + graph.edges.length > limits.maxEdges) {
    return refused(`${graph.edges.length} more connections would make ${canvas.edges + graph.edges.length}, and a workflow holds at most ${limits.maxEdges}`);
  }
  const checked = validateGraph(graph, nodeCatalogue, limits);
  if (!checked.ok) {
    const [first] = checked.issues;
    const more = checked.issues.length > 1 ? ` (and ${checked.issues.length - 1} more)` : "";
    return refused(`${plainImportIssue(first).replace(/^it has no list of nodes$/, "they hold no list of nodes")}${more}`);
  }
  // Rebuilt from the checked graph: only what a node is, never keys a hostile text might slip in (`hidden`, `parentId`, `style`…).
  return { ok: true, piece: { nodes: (checked.graph.nodes as Node[]).map(portableNode), edges: (checked.graph.edges as Edge[]).map(portableEdge) } };
}

/** A too-long text is only refused in words when it claims to be ours; other huge text is not our business. */
function looksOurs(text: string): boolean {
  return /^\s*\{\s*"galaxy"\s*:\s*"nodes"/.test(text);
}

/** The same piece with fresh ids (`newId(type)` for nodes), its edges pointed at them. */
export function withNewIds(piece: GraphPiece, newId: (type: string) => string): GraphPiece {
  const ids = new Map(piece.nodes.map((n) => [n.id, newId(n.type ?? "node")]));
  const nodes = piece.nodes.map((n) => ({ ...n, id: ids.get(n.id)! }));
  const edges = piece.edges.map((e) => {
    const source = ids.get(e.source)!;
    const target = ids.get(e.target)!;
    return { ...e, id: `e-${source}-${e.sourceHandle}-${target}-${e.targetHandle}`, source, target };
  });
  return { nodes, edges };
}

/** The top-left corner of the piece's nodes (their positions). */
export function pieceOrigin(piece: GraphPiece): XYPosition {
  if (piece.nodes.length === 0) return { x: 0, y: 0 };
  return { x: Math.min(...piece.nodes.map((n) => n.position.x)), y: Math.min(...piece.nodes.map((n) => n.position.y)) };
}

export function offsetPiece(piece: GraphPiece, dx: number, dy: number): GraphPiece {
  return { ...piece, nodes: piece.nodes.map((n) => ({ ...n, position: { x: n.position.x + dx, y: n.position.y + dy } })) };
}

/** The piece moved so its top-left corner is at `to`. */
export function movePieceTo(piece: GraphPiece, to: XYPosition): GraphPiece {
  const from = pieceOrigin(piece);
  return offsetPiece(piece, to.x - from.x, to.y - from.y);
}

/** How far a duplicate, or a second paste at the same place, lands from the first. */
export const PASTE_OFFSET = 40;

/**
 * Where a paste's top-left corner goes: at the pointer; but a paste with the pointer where the last
 * one went (or no pointer) lands `PASTE_OFFSET` below-right of the last, so copies never stack unseen.
 */
export function pastePlace(piece: GraphPiece, pointer: XYPosition | null, last: { pointer: XYPosition | null; placed: XYPosition } | null): XYPosition {
  const samePointer = last !== null && (pointer === null || (last.pointer !== null && Math.hypot(pointer.x - last.pointer.x, pointer.y - last.pointer.y) < 1));
  if (last && samePointer) return { x: last.placed.x + PASTE_OFFSET, y: last.placed.y + PASTE_OFFSET };
  if (pointer) return pointer;
  const origin = pieceOrigin(piece);
  return { x: origin.x + PASTE_OFFSET, y: origin.y + PASTE_OFFSET };
}
