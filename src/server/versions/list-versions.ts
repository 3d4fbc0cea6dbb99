import "server-only";
import { count, desc, eq } from "drizzle-orm";
import type { TListVersionsQuery } from "@/contracts/version";
import { getDb } from "../db";
import { users, workflowVersions } from "../db/schema";
import { findOwnedWorkflowVersion } from "./find-owned-workflow";
import { versionSummaryColumns } from "./version-columns";

/** The caller's workflow's versions, newest first, without their graphs. */
export async function listVersions(userId: string, workflowId: string, query: TListVersionsQuery) {
  const workflow = await findOwnedWorkflowVersion(userId, workflowId);
  const db = await getDb();
  const where = eq(workflowVersions.workflowId, workflow.id);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(versionSummaryColumns)
      .from(workflowVersions)
      .leftJoin(users, eq(users.id, workflowVersions.createdBy))
      .where(where)
      .orderBy(desc(workflowVersions.version))
      .limit(query.limit)
      .offset(query.skip),
    db.select({ total: count() }).from(workflowVersions).where(where),
  ]);
  return { rows, total, hasMore: query.skip + rows.length < total, currentVersion: workflow.version };
}
