/**
 * Edges as drawn: coloured by the type they carry, animated while they feed a running node.
 * An edge whose look did not change keeps its object (a cache keyed by the store's edge
 * object), so React Flow re-renders only the edges that changed — it matters on 500-node
 * canvases.
 */
import type { Edge, Node } from "@xyflow/react";
import { useMemo } from "react";
import { nodeCatalogue } from "@/nodes/registry";
import { useRunStore } from "@/stores/run-store";
import { PORT_COLORS } from "./port-colors";

const decorations = new WeakMap<Edge, { stroke: string; animated: boolean; edge: Edge }>();

function decorate(e: Edge, stroke: string, animated: boolean): Edge {
  const known = decorations.get(e);
  if (known && known.stroke === stroke && known.animated === animated) return known.edge;
  const edge = { ...e, animated, style: { stroke, strokeWidth: animated ? 2.5 : 1.75, opacity: e.selected ? 1 : 0.85 } };
  decorations.set(e, { stroke, animated, edge });
  return edge;
}

export function useDecoratedEdges(nodes: Node[], edges: Edge[]): Edge[] {
  const running = useRunStore((s) => {
    let out = "";
    for (const [id, r] of Object.entries(s.results)) if (r.status === "RUNNING") out += `${id}\n`;
    return out;
  });
  // Keyed by the nodes' ids and types only: typing or dragging changes the nodes but not this, so
  // the list below keeps its array and React Flow is not handed every edge again.
  const typeKey = useMemo(() => nodes.map((n) => `${n.id}\t${n.type ?? ""}`).join("\n"), [nodes]);
  const types = useMemo(() => new Map(typeKey.split("\n").map((line) => line.split("\t") as [string, string])), [typeKey]);
  return useMemo(() => {
    const live = new Set(running.split("\n"));
    return edges.map((e) => {
      const port = nodeCatalogue.get(types.get(e.source) ?? "")?.outputs[e.sourceHandle ?? ""];
      return decorate(e, port ? PORT_COLORS[port.type] : "#888", live.has(e.target));
    });
  }, [edges, types, running]);
}
