import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/server/db";
import { workflowRuns, workflows } from "@/server/db/schema";
import { notFound } from "@/server/http/errors";

/** The caller's workflow with its 10 latest runs; another user's id is "not found" (never 403). */
export async function getWorkflowOrThrow(userId: string, workflowId: string) {
  const db = await getDb();
  const workflow = await db.query.workflows.findFirst({
    where: and(eq(workflows.id, workflowId), eq(workflows.userId, userId)),
    with: {
      runs: {
        columns: {
          id: true,
          status: true,
          scope: true,
          createdAt: true,
          startedAt: true,
          completedAt: true,
          durationMs: true,
          errorMessage: true,
          usage: true,
          workflowVersion: true,
        },
        where: eq(workflowRuns.userId, userId),
        orderBy: [desc(workflowRuns.createdAt), desc(workflowRuns.id)],
        limit: 10,
      },
    },
  });
  if (!workflow) throw notFound("workflow");
  return workflow;
}
