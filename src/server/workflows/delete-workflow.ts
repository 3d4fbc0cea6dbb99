import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/server/db";
import { workflows } from "@/server/db/schema";
import { notFound } from "@/server/http/errors";

/** Deletes the caller's workflow; its runs stay (their workflowId becomes null). */
export async function deleteWorkflow(userId: string, workflowId: string): Promise<void> {
  const db = await getDb();
  const deleted = await db
    .delete(workflows)
    .where(and(eq(workflows.id, workflowId), eq(workflows.userId, userId)))
    .returning({ id: workflows.id });
  if (deleted.length === 0) throw notFound("workflow");
}
