/** Runs of part of the graph started from a menu: a node and everything downstream of it. */
import { downstreamOf } from "@/lib/canvas/downstream";
import { useGraphStore } from "../graph-store";
import { runWorkflow } from "./run-workflow";

/** Runs `nodeIds` and every node their outputs reach (what changes when they change). */
export function runFromHere(nodeIds: string[]): Promise<void> {
  const { nodes, edges } = useGraphStore.getState();
  const reached = downstreamOf(edges, nodeIds);
  // In canvas order, so the run's scope reads like the graph.
  return runWorkflow(nodes.filter((n) => reached.has(n.id)).map((n) => n.id));
}
