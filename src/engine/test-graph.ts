/** Small graph builders for the engine's tests and benchmark (no node types needed by the scheduler). */
import type { TGraph, TGraphEdge, TGraphNode } from "./graph-schema";

export function node(id: string, type = "text", data: Record<string, unknown> = {}): TGraphNode {
  return { id, type, position: { x: 0, y: 0 }, data };
}

export function edge(source: string, target: string, sourceHandle = "out", targetHandle = "in", id = `${source}->${target}:${targetHandle}`): TGraphEdge {
  return { id, source, sourceHandle, target, targetHandle };
}

/** A graph of no-op nodes: `links` are `[source, target]` pairs, wired `out` → `in`. */
export function dag(ids: string[], links: [string, string][]): TGraph {
  return { nodes: ids.map((id) => node(id)), edges: links.map(([s, t]) => edge(s, t)) };
}
