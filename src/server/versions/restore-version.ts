/**
 * Restoring a version is a save of its graph: the workflow gets a new version number (so a
 * restore is undone by restoring the one before), marked as restored from that version.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "../db";
import { workflowVersions, type Workflow } from "../db/schema";
import { patchWorkflow } from "../workflows/update-workflow";
import { findOwnedWorkflowVersion } from "./find-owned-workflow";
import { findVersionOrThrow } from "./find-version";
import { readVersionGraph } from "./read-version-graph";

export async function restoreVersion(userId: string, workflowId: string, version: number): Promise<Workflow> {
  const workflow = await findOwnedWorkflowVersion(userId, workflowId);
  const found = await findVersionOrThrow(workflow.id, version);
  const graph = await readVersionGraph(found.row);
  const saved = await patchWorkflow(userId, workflow.id, { nodes: graph.nodes, edges: graph.edges });
  // A restore of the graph the workflow already has extends the current entry: nothing to mark.
  const db = await getDb();
  await db
    .update(workflowVersions)
    .set({ restoredFrom: version })
    .where(and(eq(workflowVersions.workflowId, workflow.id), eq(workflowVersions.version, saved.version)));
  return saved;
}
