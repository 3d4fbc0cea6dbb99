/**
 * A workflow's usage over the last 30 days (`usage30d`): its runs that made model calls,
 * their `usage` summed by `sumUsage`'s rule (a field any run does not know is null, so one
 * run with an unknown price makes the cost unknown). One indexed query — the range scan of
 * `workflow_runs_workflow_created_idx` (workflow_id, created_at) — alone for one workflow,
 * or as a LATERAL join per row of the workflow list.
 */
import "server-only";
import { and, eq, gte, isNotNull, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { TUsageTotals } from "@/contracts/usage";
import { getDb } from "@/server/db";
import { workflowRuns } from "@/server/db/schema";
import { sumUsageFieldSql } from "@/server/runs/run-sql";

export const USAGE_WINDOW_DAYS = 30;

const field = (key: Parameters<typeof sumUsageFieldSql>[1]) =>
  sql<number | null>`(${sql.raw(sumUsageFieldSql(`"workflow_runs"."usage"`, key))})::float8`;

/** The select list of the sums (aggregates: one row, even over no runs). */
export function usageTotalsColumns() {
  return {
    runs: sql<number>`count(*)::int`.as("usage_runs"),
    inputTokens: field("inputTokens").as("usage_input_tokens"),
    outputTokens: field("outputTokens").as("usage_output_tokens"),
    totalTokens: field("totalTokens").as("usage_total_tokens"),
    costUsd: field("costUsd").as("usage_cost_usd"),
  };
}

/** Which runs count: the workflow's (an SQL expression of its id), by this user, in the window, that made model calls. */
export function recentRunsWithUsage(userId: string, workflowId: SQLWrapper | string): SQL | undefined {
  return and(
    eq(workflowRuns.workflowId, workflowId),
    eq(workflowRuns.userId, userId),
    gte(workflowRuns.createdAt, sql`now() - make_interval(days => ${USAGE_WINDOW_DAYS})`),
    isNotNull(workflowRuns.usage),
  );
}

/** The sums as the API sends them: null when no run in the window made a model call. */
export function toUsageTotals(row: { runs: number | null; inputTokens: number | null; outputTokens: number | null; totalTokens: number | null; costUsd: number | null }): TUsageTotals | null {
  const runs = Number(row.runs ?? 0);
  if (runs === 0) return null;
  const num = (value: number | null) => (value === null ? null : Number(value));
  return { runs, inputTokens: num(row.inputTokens), outputTokens: num(row.outputTokens), totalTokens: num(row.totalTokens), costUsd: num(row.costUsd) };
}

/** One workflow's last 30 days (GET /api/workflows/{id}). */
export async function sumWorkflowUsage(userId: string, workflowId: string): Promise<TUsageTotals | null> {
  const db = await getDb();
  const [row] = await db.select(usageTotalsColumns()).from(workflowRuns).where(recentRunsWithUsage(userId, workflowId));
  return row ? toUsageTotals(row) : null;
}
