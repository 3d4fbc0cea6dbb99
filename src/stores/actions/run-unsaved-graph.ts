/**
 * A run while the canvas cannot be saved (too large, refused): it sends the graph the canvas
 * shows, filed under the workflow, so a stuck save never blocks running. Only the part the
 * run needs is sent, so one oversized text elsewhere does not stop another node.
 */
import { checkBodySize } from "@/lib/client/check-body-size";
import { toWireGraph } from "@/lib/client/graph-wire";
import { startRunOfGraph } from "@/lib/client/runs-api";
import type { WireGraph } from "@/lib/client/types";
import { planRun } from "@/engine/plan";
import { nodeCatalogue } from "@/nodes/registry";
import type { TGraph } from "@/engine/graph-schema";
import { useEditorStore } from "../editor-store";
import { useGraphStore } from "../graph-store";
import { toast } from "../toast-store";

/** The nodes a run of `nodeIds` plans (they and their ancestors) and the edges between them; all of it for a full run. */
export function graphNeededFor(graph: WireGraph, nodeIds?: string[]): WireGraph {
  if (!nodeIds) return graph;
  let keep: Set<string>;
  try {
    keep = new Set(planRun(graph as unknown as TGraph, nodeIds.length === 1 ? "SINGLE" : "PARTIAL", nodeIds, nodeCatalogue).nodeIds);
  } catch {
    return graph; // a cycle or an unknown node: the server says so in its answer
  }
  return { nodes: graph.nodes.filter((n) => keep.has(n.id)), edges: graph.edges.filter((e) => keep.has(e.source) && keep.has(e.target)) };
}

/** Starts a run of the canvas's graph; null (and a message) when even that is over the size limit. */
export async function startUnsavedRun(workflowId: string, nodeIds?: string[]): Promise<string | null> {
  const { nodes, edges } = useGraphStore.getState();
  const graph = graphNeededFor(toWireGraph(nodes, edges), nodeIds);
  const size = checkBodySize("run", { workflowId, ...graph, nodeIds }, graph, useEditorStore.getState().maxBodyBytes);
  if (!size.ok) {
    toast(`${size.message} You can still run other nodes: select them and use Run selected.`, "error", 10_000);
    return null;
  }
  toast("Not saved yet — this run uses the graph on the canvas", "info");
  return startRunOfGraph(workflowId, graph, nodeIds);
}
