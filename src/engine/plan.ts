/**
 * Which nodes a run touches, and how. FULL: every node executes. PARTIAL / SINGLE: the
 * targets execute, and their ancestors are "reusable": each one reuses its latest result
 * with the same cache key when there is one, and executes otherwise. Other nodes are untouched.
 */
import { EngineError } from "./errors";
import { describeCycle, findCycles, indexGraph, type GraphIndex } from "./graph-index";
import type { TGraph } from "./graph-schema";
import { isCanvasOnly, type NodeCatalogue } from "./node-catalogue";
import type { RunScope } from "./statuses";

export const NOT_PLANNED = 0;
/** Always executes. */
export const EXECUTE = 1;
/** Reuses a cached result when its cache key matches, executes otherwise. */
export const REUSE = 2;
export type PlanRole = typeof NOT_PLANNED | typeof EXECUTE | typeof REUSE;

export interface RunPlan {
  scope: RunScope;
  /** Ids of the planned nodes, in graph order. */
  nodeIds: string[];
  /** Ids of the nodes that always execute (every planned node in a FULL run). */
  targetIds: string[];
  /** Per position in `graph.nodes`: NOT_PLANNED, EXECUTE or REUSE. */
  roles: Uint8Array;
  index: GraphIndex;
}

/**
 * Works out a run's nodes. Throws an `EngineError` for a bad scope, an unknown target or a
 * cycle among the planned nodes (a validated graph has none). Given the catalogue, canvas-only
 * nodes (notes, frames) are never planned, not even as targets: a run of only those plans nothing.
 *
 * @example
 * const plan = planRun(graph, "PARTIAL", ["llm-2"]);
 * plan.nodeIds;   // ["image-1", "crop-1", "llm-1", "llm-2"]: llm-2 and its ancestors
 * plan.targetIds; // ["llm-2"]
 */
export function planRun(graph: TGraph, scope: RunScope, targetNodeIds: readonly string[] = [], catalogue?: Pick<NodeCatalogue, "get">): RunPlan {
  const index = indexGraph(graph);
  const n = graph.nodes.length;
  const roles = new Uint8Array(n);
  // A duplicated id (only in an unvalidated graph) is planned once, as its first node.
  const isFirst = (i: number) => index.indexOf.get(graph.nodes[i].id) === i;
  const drawnOnly = (i: number) => catalogue !== undefined && isCanvasOnly(catalogue, graph.nodes[i].type);

  if (scope === "FULL") {
    for (let i = 0; i < n; i++) if (isFirst(i) && !drawnOnly(i)) roles[i] = EXECUTE;
  } else {
    const targets = [...new Set(targetNodeIds)];
    if (targets.length === 0) throw new EngineError("BAD_SCOPE", `a ${scope.toLowerCase()} run needs at least one target node`);
    if (scope === "SINGLE" && targets.length > 1) throw new EngineError("BAD_SCOPE", `a single-node run takes one target, got ${targets.length}`);
    const stack: number[] = [];
    for (const id of targets) {
      const i = index.indexOf.get(id);
      if (i === undefined) throw new EngineError("UNKNOWN_TARGET", `no node with id "${id}"`);
      if (drawnOnly(i)) continue;
      roles[i] = EXECUTE;
      stack.push(i);
    }
    while (stack.length > 0) {
      const i = stack.pop()!;
      for (let k = index.inStart[i]; k < index.inStart[i + 1]; k++) {
        const s = index.edgeSource[index.inEdges[k]];
        if (roles[s] !== NOT_PLANNED) continue;
        roles[s] = REUSE;
        stack.push(s);
      }
    }
  }

  const [cycle] = findCycles(index, { include: (i) => roles[i] !== NOT_PLANNED, limit: 1 });
  if (cycle) throw new EngineError("CYCLE", describeCycle(graph, cycle));

  const nodeIds: string[] = [];
  const targetIds: string[] = [];
  for (let i = 0; i < n; i++) {
    if (roles[i] === NOT_PLANNED) continue;
    nodeIds.push(graph.nodes[i].id);
    if (roles[i] === EXECUTE) targetIds.push(graph.nodes[i].id);
  }
  return { scope, nodeIds, targetIds, roles, index };
}
