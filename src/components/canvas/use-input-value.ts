/**
 * The value arriving on a node's input as the canvas knows it now, for live previews (the
 * crop box drawn on its input image): what the connected node outputs from its data alone
 * (an upload's file), else its latest successful result. Lookups go through indexes built
 * once per graph change and shared by every node, so a keystroke costs O(nodes + edges)
 * however many nodes preview.
 */
import type { Edge, Node } from "@xyflow/react";
import { nodeCatalogue } from "@/nodes/registry";
import { useGraphStore } from "@/stores/graph-store";
import { useRunStore } from "@/stores/run-store";

const nodesById = new WeakMap<readonly Node[], Map<string, Node>>();
const edgesByTarget = new WeakMap<readonly Edge[], Map<string, Edge[]>>();

function indexNodes(nodes: readonly Node[]): Map<string, Node> {
  let map = nodesById.get(nodes);
  if (!map) {
    map = new Map(nodes.map((n) => [n.id, n]));
    nodesById.set(nodes, map);
  }
  return map;
}

function indexEdges(edges: readonly Edge[]): Map<string, Edge[]> {
  let map = edgesByTarget.get(edges);
  if (!map) {
    map = new Map();
    for (const e of edges) {
      const list = map.get(e.target);
      if (list) list.push(e);
      else map.set(e.target, [e]);
    }
    edgesByTarget.set(edges, map);
  }
  return map;
}

type Scalar = string | number | boolean | undefined;

function scalar(value: unknown): Scalar {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : undefined;
}

/** The connection feeding `handle` (the last one, as the engine resolves a single input). */
function feed(nodes: readonly Node[], edges: readonly Edge[], nodeId: string, handle: string): { source: Node; output: string } | undefined {
  const list = indexEdges(edges).get(nodeId);
  if (!list) return undefined;
  for (let i = list.length - 1; i >= 0; i--) {
    const e = list[i];
    if (e.targetHandle !== handle) continue;
    const source = indexNodes(nodes).get(e.source);
    return source ? { source, output: e.sourceHandle ?? "" } : undefined;
  }
  return undefined;
}

/** A string, number or boolean on the input; undefined when unconnected or not known yet. */
export function useInputValue(nodeId: string, handle: string): Scalar {
  // Primitives only, so a node re-renders when what it shows changes, not on every edit.
  const known = useGraphStore((s) => {
    const f = feed(s.nodes, s.edges, nodeId, handle);
    const outputs = f?.source.type ? nodeCatalogue.get(f.source.type)?.knownOutputs?.(f.source.data) : undefined;
    return f ? scalar(outputs?.[f.output]) : undefined;
  });
  const feedKey = useGraphStore((s) => {
    const f = feed(s.nodes, s.edges, nodeId, handle);
    return f ? `${f.source.id}\n${f.output}` : undefined;
  });
  const fromResult = useRunStore((s) => {
    if (feedKey === undefined) return undefined;
    const [sourceId, output] = feedKey.split("\n");
    const result = s.results[sourceId];
    return result?.status === "SUCCESS" ? scalar(result.output?.[output]) : undefined;
  });
  return known ?? fromResult;
}
