import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/server/db";
import { perDatabase } from "@/server/db/per-database";
import { prepareByName } from "@/server/db/prepare-by-name";
import { executionLogs, nodeResults, workflowRuns } from "@/server/db/schema";
import { notFound } from "@/server/http/errors";

/** Built once per database: building a relational query costs more CPU than running it here. */
const runQuery = perDatabase((db) =>
  prepareByName(
    db.query.workflowRuns.findFirst({
      where: and(
        eq(workflowRuns.id, sql.placeholder("runId")),
        eq(workflowRuns.userId, sql.placeholder("userId")),
      ),
      with: {
        nodeResults: { orderBy: [asc(nodeResults.createdAt), asc(nodeResults.id)] },
        executionLogs: { orderBy: [asc(executionLogs.seq)] },
      },
    }),
    "galaxy_get_run",
  ),
);

/**
 * The caller's run with its node results and its logs in time order (`seq`);
 * another user's run id is "not found". Shared by `GET /api/execute/{runId}` and
 * `POST /api/execute` with `"wait": true`.
 */
export async function getRunOrThrow(userId: string, runId: string) {
  const run = await runQuery(await getDb()).execute({ runId, userId });
  if (!run) throw notFound("run");
  return run;
}

export type RunWithDetails = Awaited<ReturnType<typeof getRunOrThrow>>;
