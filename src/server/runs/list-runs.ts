/**
 * The caller's runs, newest first, with a summary of each node result (not the
 * graph snapshot or outputs: those come with `GET /api/execute/{runId}`).
 */
import "server-only";
import { and, count, desc, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/server/db";
import { RUN_STATUSES, workflowRuns } from "@/server/db/schema";

const limitMessage = "limit must be a whole number from 1 to 100";
const skipMessage = "skip must be a whole number from 0 to 100000";

export const ZListRunsQuery = z.object({
  workflowId: z.string().min(1).max(100).optional(),
  status: z.enum(RUN_STATUSES, { error: `status must be one of ${RUN_STATUSES.join(", ")}` }).optional(),
  limit: z.coerce.number({ error: limitMessage }).int(limitMessage).min(1, limitMessage).max(100, limitMessage).default(20),
  skip: z.coerce.number({ error: skipMessage }).int(skipMessage).min(0, skipMessage).max(100_000, skipMessage).default(0),
});

export type TListRunsQuery = z.infer<typeof ZListRunsQuery>;

export async function listRuns(userId: string, query: TListRunsQuery) {
  const db = await getDb();
  const filters: SQL[] = [eq(workflowRuns.userId, userId)];
  if (query.workflowId) filters.push(eq(workflowRuns.workflowId, query.workflowId));
  if (query.status) filters.push(eq(workflowRuns.status, query.status));
  const where = and(...filters);
  const [runs, [{ total }]] = await Promise.all([
    db.query.workflowRuns.findMany({
      where,
      columns: { input: false, output: false, errorStack: false },
      with: { nodeResults: { columns: { id: true, nodeId: true, nodeType: true, status: true, cached: true, durationMs: true } } },
      orderBy: [desc(workflowRuns.createdAt), desc(workflowRuns.id)],
      limit: query.limit,
      offset: query.skip,
    }),
    db.select({ total: count() }).from(workflowRuns).where(where),
  ]);
  return { runs, total, hasMore: query.skip + runs.length < total };
}
