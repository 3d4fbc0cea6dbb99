/**
 * What a version entry reads beside its row: its author and how many runs ran it, as one
 * select list shared by the list and the single reads.
 */
import "server-only";
import { and, between, eq, sql } from "drizzle-orm";
import { users, workflowRuns, workflowVersions, type WorkflowVersion } from "../db/schema";

export const versionSummaryColumns = {
  row: workflowVersions,
  author: { id: users.id, name: users.name, email: users.email },
  runCount: sql<number>`(SELECT count(*)::int FROM ${workflowRuns} WHERE ${and(
    eq(workflowRuns.workflowId, workflowVersions.workflowId),
    between(workflowRuns.workflowVersion, workflowVersions.version, workflowVersions.lastVersion),
  )})`.mapWith(Number),
};

export interface VersionSummaryRow {
  row: WorkflowVersion;
  author: { id: string; name: string | null; email: string } | null;
  runCount: number;
}

/** The row holding version `version` (a row covers `version`..`last_version`). */
export function coversVersion(version: number) {
  return and(sql`${workflowVersions.version} <= ${version}`, sql`${workflowVersions.lastVersion} >= ${version}`);
}
