/**
 * Readiness: can these nodes run as they stand? Run when a run is requested, on the nodes
 * in its scope. A connected input counts as set (its value is only known at run time), so
 * a placeholder of the port's type stands in for it. Server-side checks (the asset exists,
 * a provider is configured) are added by the server.
 */
import { indexGraph } from "./graph-index";
import type { TGraph } from "./graph-schema";
import type { ConnectedValues, NodeCatalogue, PortType } from "./node-catalogue";
import { resolveNodeInput } from "./resolve-input";

export interface ReadinessIssue {
  nodeId: string;
  nodeType: string;
  /** The parameter or input that is missing or wrong, e.g. `user_message`. */
  field: string;
  message: string;
}

const PLACEHOLDERS: Record<PortType, unknown> = { text: "placeholder", image: "placeholder", video: "placeholder", number: 0 };

/**
 * Reports, for each listed node, every required input that is neither connected nor set
 * and every value the node's strict input schema rejects. A canvas-only node (a note) is
 * never run, so it is always ready.
 *
 * @example
 * const issues = checkReadiness(graph, plan.nodeIds, catalogue);
 * // [{ nodeId: "llm-1", nodeType: "llm", field: "user_message", message: "user message is required" }]
 * if (issues.length > 0) return badRequest("not ready to run", issues);
 */
export function checkReadiness(graph: TGraph, nodeIds: readonly string[], catalogue: NodeCatalogue): ReadinessIssue[] {
  const index = indexGraph(graph);
  const issues: ReadinessIssue[] = [];
  for (const nodeId of nodeIds) {
    const i = index.indexOf.get(nodeId);
    if (i === undefined) {
      issues.push({ nodeId, nodeType: "", field: "id", message: `no node with id "${nodeId}"` });
      continue;
    }
    const node = graph.nodes[i];
    const spec = catalogue.get(node.type);
    if (!spec) {
      issues.push({ nodeId, nodeType: node.type, field: "type", message: `unknown node type "${node.type}"` });
      continue;
    }
    if (spec.canvasOnly) continue;
    const connected: ConnectedValues = {};
    for (let k = index.inStart[i]; k < index.inStart[i + 1]; k++) {
      const handle = graph.edges[index.inEdges[k]].targetHandle;
      if (!Object.hasOwn(spec.inputs, handle)) continue;
      (connected[handle] ??= []).push(PLACEHOLDERS[spec.inputs[handle].type]);
    }
    const resolved = resolveNodeInput(spec, node.data, connected);
    if (resolved.ok) continue;
    for (const problem of resolved.problems) {
      issues.push({ nodeId, nodeType: node.type, field: problem.field, message: problem.message });
    }
  }
  return issues;
}
