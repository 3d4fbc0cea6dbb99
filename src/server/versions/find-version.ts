import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "../db";
import { users, workflowVersions } from "../db/schema";
import { notFound } from "../http/errors";
import { coversVersion, versionSummaryColumns, type VersionSummaryRow } from "./version-columns";

/** The entry holding version `version` of a workflow the caller owns (checked before). */
export async function findVersionOrThrow(workflowId: string, version: number): Promise<VersionSummaryRow> {
  const db = await getDb();
  const [found] = await db
    .select(versionSummaryColumns)
    .from(workflowVersions)
    .leftJoin(users, eq(users.id, workflowVersions.createdBy))
    .where(and(eq(workflowVersions.workflowId, workflowId), coversVersion(version)))
    .limit(1);
  // Never saved, or an unnamed one pruned after its retention.
  if (!found) throw notFound(`version ${version}`);
  return found;
}
