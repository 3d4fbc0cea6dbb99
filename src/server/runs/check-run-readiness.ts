/**
 * Readiness of a requested run: the engine's checks (every required input connected or
 * set, values in range) plus each node type's own server check, when its `server.ts` has
 * one (the upload exists, is the caller's and of the right kind; the model's provider is
 * configured). Checked on the nodes that may execute: the targets and their ancestors.
 */
import "server-only";
import { checkReadiness, type ReadinessIssue, type TGraph } from "@/engine";
import { serverNodeCatalogue } from "@/nodes/server-catalogue";
import type { ServerNodeCatalogue } from "@/nodes/types";

export async function checkRunReadiness(
  userId: string,
  graph: TGraph,
  nodeIds: string[],
  catalogue: ServerNodeCatalogue = serverNodeCatalogue,
): Promise<ReadinessIssue[]> {
  const issues = checkReadiness(graph, nodeIds, catalogue);
  // One problem per field: what the engine reported stands.
  const seen = new Set(issues.map((issue) => `${issue.nodeId}\u0000${issue.field}`));
  const wanted = new Set(nodeIds);
  for (const node of graph.nodes) {
    if (!wanted.has(node.id)) continue;
    const definition = catalogue.get(node.type);
    if (!definition) continue; // reported by the engine
    const { checkReady } = await catalogue.loadServer(definition);
    if (!checkReady) continue;
    const data = definition.data.safeParse(node.data);
    if (!data.success) continue; // a validated graph's data always parses
    for (const { field, message } of await checkReady(data.data, { userId })) {
      if (!seen.has(`${node.id}\u0000${field}`)) issues.push({ nodeId: node.id, nodeType: node.type, field, message });
    }
  }
  return issues;
}
