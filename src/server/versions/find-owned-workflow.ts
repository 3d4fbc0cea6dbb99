import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "../db";
import { workflows } from "../db/schema";
import { notFound } from "../http/errors";

/** The caller's workflow id and current version, without its graph; another user's id is "not found". */
export async function findOwnedWorkflowVersion(userId: string, workflowId: string): Promise<{ id: string; version: number }> {
  const db = await getDb();
  const [row] = await db
    .select({ id: workflows.id, version: workflows.version })
    .from(workflows)
    .where(and(eq(workflows.id, workflowId), eq(workflows.userId, userId)))
    .limit(1);
  if (!row) throw notFound("workflow");
  return row;
}
