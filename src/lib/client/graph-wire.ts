/**
 * Converts between the canvas's React Flow state and the wire format the API stores:
 * transient keys (selected, dragging, measured…) are dropped so saves and exports are stable.
 */
import type { Edge, Node } from "@xyflow/react";
import type { WireEdge, WireGraph, WireNode } from "./types";

const round = (n: number) => Math.round(n * 100) / 100;

/** A resizable node's chosen size (a note, a frame), kept as `width`/`height`; nothing for the rest. */
function sizeOf(node: Pick<Node, "width" | "height">): { width?: number; height?: number } {
  return typeof node.width === "number" && typeof node.height === "number" ? { width: round(node.width), height: round(node.height) } : {};
}

export function toWireNode(node: Node): WireNode {
  return {
    id: node.id,
    type: node.type ?? "text",
    position: { x: round(node.position.x), y: round(node.position.y) },
    ...sizeOf(node),
    data: { ...(node.data as Record<string, unknown>) },
  };
}

export function toWireEdge(edge: Edge): WireEdge {
  return {
    id: edge.id,
    source: edge.source,
    sourceHandle: edge.sourceHandle ?? "",
    target: edge.target,
    targetHandle: edge.targetHandle ?? "",
  };
}

export function toWireGraph(nodes: Node[], edges: Edge[]): WireGraph {
  return { nodes: nodes.map(toWireNode), edges: edges.map(toWireEdge) };
}

export function fromWireGraph(graph: Partial<WireGraph>): { nodes: Node[]; edges: Edge[] } {
  return {
    nodes: (graph.nodes ?? []).map((n) => ({ id: n.id, type: n.type, position: n.position, ...sizeOf(n as Pick<Node, "width" | "height">), data: n.data ?? {} })),
    edges: (graph.edges ?? []).map((e) => ({ ...toWireEdge(e as Edge) })),
  };
}

/** A stable fingerprint of the graph as saved (for "is this dirty?" checks). */
export function graphFingerprint(graph: WireGraph): string {
  return JSON.stringify(graph);
}
