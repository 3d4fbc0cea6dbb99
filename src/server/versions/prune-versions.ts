/**
 * Version retention (DESIGN §9, issue 13): an unnamed version older than the retention is
 * deleted once each workflow has 100 newer ones, unless a run ran it; named versions stay.
 * Parts no remaining version lists are deleted under the workflow's row lock, so a save
 * that reuses a part (its trigger skips parts already stored) cannot race the delete.
 */
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { DatabaseHandle } from "../db/client";
import { workflowGraphParts, workflowVersions, workflows } from "../db/schema";

export const KEEP_NEWEST_VERSIONS = 100;

const PRUNE_SQL = `
WITH ranked AS (
  SELECT workflow_id, version, last_version, message, created_at,
    row_number() OVER (PARTITION BY workflow_id ORDER BY version DESC) AS rank
  FROM workflow_versions
), doomed AS (
  SELECT workflow_id, version FROM ranked v
  WHERE v.rank > $1 AND v.message IS NULL AND v.created_at < now() - make_interval(days => $2)
    AND NOT EXISTS (
      SELECT 1 FROM workflow_runs r
      WHERE r.workflow_id = v.workflow_id AND r.workflow_version BETWEEN v.version AND v.last_version)
), gone AS (
  DELETE FROM workflow_versions d USING doomed
  WHERE d.workflow_id = doomed.workflow_id AND d.version = doomed.version
  RETURNING d.workflow_id
)
SELECT workflow_id, count(*)::int AS versions FROM gone GROUP BY workflow_id`;

export interface PruneResult {
  versions: number;
  parts: number;
}

export async function pruneVersions(handle: DatabaseHandle, retentionDays: number, keepNewest = KEEP_NEWEST_VERSIONS): Promise<PruneResult> {
  const { rows } = await handle.executeSql(PRUNE_SQL, [keepNewest, retentionDays]);
  const result: PruneResult = { versions: 0, parts: 0 };
  for (const { workflow_id: workflowId, versions } of rows as { workflow_id: string; versions: number }[]) {
    result.versions += versions;
    result.parts += await collectParts(handle, workflowId);
  }
  return result;
}

async function collectParts(handle: DatabaseHandle, workflowId: string): Promise<number> {
  return handle.db.transaction(async (tx) => {
    await tx.select({ id: workflows.id }).from(workflows).where(eq(workflows.id, workflowId)).for("update");
    const unlisted = sql`NOT EXISTS (SELECT 1 FROM ${workflowVersions} v WHERE v.workflow_id = ${workflowGraphParts.workflowId}
      AND (${workflowGraphParts.hash} = ANY (v.node_refs) OR ${workflowGraphParts.hash} = v.edges_ref))`;
    const deleted = await tx
      .delete(workflowGraphParts)
      .where(and(eq(workflowGraphParts.workflowId, workflowId), unlisted))
      .returning({ hash: workflowGraphParts.hash });
    return deleted.length;
  });
}
