/** Edges as drawn: coloured by the type they carry, animated while they feed a running node. */
import type { Edge, Node } from "@xyflow/react";
import { useMemo } from "react";
import { getNodeDefinition } from "@/nodes/registry";
import { useRunStore } from "@/stores/run-store";
import { PORT_COLORS } from "./port-colors";

export function useDecoratedEdges(nodes: Node[], edges: Edge[]): Edge[] {
  const running = useRunStore((s) => {
    let out = "";
    for (const [id, r] of Object.entries(s.results)) if (r.status === "RUNNING") out += `${id}\n`;
    return out;
  });
  const types = useMemo(() => new Map(nodes.map((n) => [n.id, n.type ?? ""])), [nodes]);
  return useMemo(() => {
    const live = new Set(running.split("\n"));
    return edges.map((e) => {
      const port = getNodeDefinition(types.get(e.source) ?? "")?.outputs[e.sourceHandle ?? ""];
      const animated = live.has(e.target);
      return {
        ...e,
        animated,
        style: { stroke: port ? PORT_COLORS[port.type] : "#888", strokeWidth: animated ? 2.5 : 1.75, opacity: e.selected ? 1 : 0.85 },
      };
    });
  }, [edges, types, running]);
}
