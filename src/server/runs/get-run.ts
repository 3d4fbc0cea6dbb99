import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/server/db";
import { executionLogs, nodeResults, workflowRuns } from "@/server/db/schema";
import { notFound } from "@/server/http/errors";

/**
 * The caller's run with its node results and its logs in time order (`seq`);
 * another user's run id is "not found". Shared by `GET /api/execute/{runId}` and
 * `POST /api/execute` with `"wait": true`.
 */
export async function getRunOrThrow(userId: string, runId: string) {
  const db = await getDb();
  const run = await db.query.workflowRuns.findFirst({
    where: and(eq(workflowRuns.id, runId), eq(workflowRuns.userId, userId)),
    with: {
      nodeResults: { orderBy: [asc(nodeResults.createdAt), asc(nodeResults.id)] },
      executionLogs: { orderBy: [asc(executionLogs.seq)] },
    },
  });
  if (!run) throw notFound("run");
  return run;
}

export type RunWithDetails = Awaited<ReturnType<typeof getRunOrThrow>>;
