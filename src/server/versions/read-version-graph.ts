/**
 * A version's graph, put back together from its content-addressed parts: the nodes in the
 * order the version lists them, and its edges array.
 */
import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { TGraph } from "@/engine/graph-schema";
import { getDb } from "../db";
import { workflowGraphParts, type WorkflowVersion } from "../db/schema";

export async function readVersionGraph(version: Pick<WorkflowVersion, "workflowId" | "nodeRefs" | "edgesRef">): Promise<TGraph> {
  const db = await getDb();
  const hashes = [...new Set([...version.nodeRefs, version.edgesRef])];
  const parts = await db
    .select({ hash: workflowGraphParts.hash, body: workflowGraphParts.body })
    .from(workflowGraphParts)
    .where(and(eq(workflowGraphParts.workflowId, version.workflowId), inArray(workflowGraphParts.hash, hashes)));
  const byHash = new Map(parts.map((part) => [part.hash, part.body]));
  const missing = hashes.filter((hash) => !byHash.has(hash));
  if (missing.length > 0) throw new Error(`version parts missing: ${missing.join(", ")}`);
  // Stored by the snapshot trigger from a graph the validator accepted.
  return { nodes: version.nodeRefs.map((hash) => byHash.get(hash)), edges: byHash.get(version.edgesRef) } as TGraph;
}
