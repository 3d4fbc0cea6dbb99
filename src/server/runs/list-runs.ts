/**
 * The caller's runs, newest first, with a summary of each node result (not the
 * graph snapshot or outputs: those come with `GET /api/execute/{runId}`).
 */
import "server-only";
import { and, count, desc, eq, type SQL } from "drizzle-orm";
import type { TListRunsQuery } from "@/contracts/run";
import { getDb } from "@/server/db";
import { workflowRuns } from "@/server/db/schema";

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
      with: { nodeResults: { columns: { id: true, nodeId: true, nodeType: true, status: true, cached: true, durationMs: true, usage: true } } },
      orderBy: [desc(workflowRuns.createdAt), desc(workflowRuns.id)],
      limit: query.limit,
      offset: query.skip,
    }),
    db.select({ total: count() }).from(workflowRuns).where(where),
  ]);
  return { runs, total, hasMore: query.skip + runs.length < total };
}
