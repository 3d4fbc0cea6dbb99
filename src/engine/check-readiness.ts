/**
 * Readiness: can these nodes run as they stand? Run when a run is requested, on the nodes
 * in its scope. A connected input counts as set (its value is only known at run time), so
 * a placeholder of the port's type stands in for it. Server-side checks (the asset exists,
 * a provider is configured) are added by the server.
 */
import { getNodeDefinition } from "@/nodes/registry";
import { resolveNodeInput, type ConnectedValues } from "@/nodes/resolve-input";
import type { PortType } from "@/nodes/types";
import { indexGraph } from "./graph-index";
import type { TGraph } from "./graph-schema";

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
 * and every value the node's strict input schema rejects.
 *
 * @example
 * const issues = checkReadiness(graph, plan.nodeIds);
 * // [{ nodeId: "llm-1", nodeType: "llm", field: "user_message", message: "user message is required" }]
 * if (issues.length > 0) return badRequest("not ready to run", issues);
 */
export function checkReadiness(graph: TGraph, nodeIds: string[]): ReadinessIssue[] {
  const index = indexGraph(graph);
  const issues: ReadinessIssue[] = [];
  for (const nodeId of nodeIds) {
    const i = index.indexOf.get(nodeId);
    if (i === undefined) {
      issues.push({ nodeId, nodeType: "", field: "id", message: `no node with id "${nodeId}"` });
      continue;
    }
    const node = graph.nodes[i];
    const def = getNodeDefinition(node.type);
    if (!def) {
      issues.push({ nodeId, nodeType: node.type, field: "type", message: `unknown node type "${node.type}"` });
      continue;
    }
    const connected: ConnectedValues = {};
    for (let k = index.inStart[i]; k < index.inStart[i + 1]; k++) {
      const handle = graph.edges[index.inEdges[k]].targetHandle;
      if (!Object.hasOwn(def.inputs, handle)) continue;
      (connected[handle] ??= []).push(PLACEHOLDERS[def.inputs[handle].type]);
    }
    const resolved = resolveNodeInput(def, node.data, connected);
    if (resolved.ok) continue;
    for (const problem of resolved.problems) {
      issues.push({ nodeId, nodeType: node.type, field: problem.field, message: problem.message });
    }
  }
  return issues;
}
