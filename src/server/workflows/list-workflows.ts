/**
 * The caller's workflows, most recently updated first, without the graph JSON, each
 * with its latest run and its last 30 days of usage (LATERAL joins in the same statement,
 * not N+1) and a small picture of its graph (`graph-preview-sql.ts`). `q` searches name and description
 * through the GIN index `to_tsvector('simple', name || ' ' || coalesce(description, ''))`
 * (the expression below must stay identical to the index's); `tag` uses the tags GIN index.
 */
import "server-only";
import { and, count, desc, eq, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/server/db";
import { workflowRuns, workflows } from "@/server/db/schema";
import { graphPreviewSql } from "./graph-preview-sql";
import { decodeCursor, encodeCursor } from "./list-cursor";
import { recentRunsWithUsage, toUsageTotals, usageTotalsColumns } from "./sum-workflow-usage";
import { toPrefixTsquery } from "./search-query";
import type { WorkflowSummaryRow } from "./to-public-workflow";
import type { TListWorkflowsQuery } from "@/contracts/workflow";

export async function listWorkflows(userId: string, query: TListWorkflowsQuery) {
  const db = await getDb();
  const filters: SQL[] = [eq(workflows.userId, userId)];
  const tsquery = query.q ? toPrefixTsquery(query.q) : null;
  if (tsquery) {
    filters.push(
      sql`to_tsvector('simple', ${workflows.name} || ' ' || coalesce(${workflows.description}, '')) @@ to_tsquery('simple', ${tsquery})`,
    );
  }
  if (query.tag && query.tag.length > 0) {
    filters.push(sql`${workflows.tags} @> ARRAY[${sql.join(query.tag.map((t) => sql`${t}`), sql`, `)}]::text[]`);
  }
  const pageFilters = [...filters];
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    pageFilters.push(sql`(${workflows.updatedAt}, ${workflows.id}) < (${cursor.updatedAt}::timestamptz, ${cursor.id})`);
  }

  // The page is chosen first and only its rows get the lateral last-run lookup.
  const page = db
    .select({
      id: workflows.id,
      name: workflows.name,
      description: workflows.description,
      tags: workflows.tags,
      isPublic: workflows.isPublic,
      version: workflows.version,
      settings: workflows.settings,
      nodes: workflows.nodes,
      edges: workflows.edges,
      createdAt: workflows.createdAt,
      updatedAt: workflows.updatedAt,
      cursorAt: sql<string>`to_char(${workflows.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as("cursor_at"),
    })
    .from(workflows)
    .where(and(...pageFilters))
    .orderBy(desc(workflows.updatedAt), desc(workflows.id))
    .limit(query.limit + 1)
    .offset(query.skip ?? 0)
    .as("page");
  const lastRun = db
    .select({ id: workflowRuns.id, status: workflowRuns.status, createdAt: workflowRuns.createdAt })
    .from(workflowRuns)
    .where(eq(workflowRuns.workflowId, page.id))
    .orderBy(desc(workflowRuns.createdAt), desc(workflowRuns.id))
    .limit(1)
    .as("last_run");
  const usage = db.select(usageTotalsColumns()).from(workflowRuns).where(recentRunsWithUsage(userId, page.id)).as("usage_30d");

  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: page.id,
        name: page.name,
        description: page.description,
        tags: page.tags,
        isPublic: page.isPublic,
        version: page.version,
        settings: page.settings,
        createdAt: page.createdAt,
        updatedAt: page.updatedAt,
        cursorAt: page.cursorAt,
        lastRunId: lastRun.id,
        lastRunStatus: lastRun.status,
        lastRunAt: lastRun.createdAt,
        usageRuns: usage.runs,
        usageInputTokens: usage.inputTokens,
        usageOutputTokens: usage.outputTokens,
        usageTotalTokens: usage.totalTokens,
        usageCostUsd: usage.costUsd,
        // In the outer select, so only the page's rows (after its limit) are pictured.
        preview: graphPreviewSql(page.nodes, page.edges),
      })
      .from(page)
      .leftJoinLateral(lastRun, sql`true`)
      .leftJoinLateral(usage, sql`true`)
      .orderBy(desc(page.updatedAt), desc(page.id)),
    db.select({ total: count() }).from(workflows).where(and(...filters)),
  ]);

  const hasMore = rows.length > query.limit;
  const shown = rows.slice(0, query.limit);
  const last = shown.at(-1);
  const summaries = shown.map(
    ({ cursorAt: _cursor, lastRunId, lastRunStatus, lastRunAt, usageRuns, usageInputTokens, usageOutputTokens, usageTotalTokens, usageCostUsd, ...workflow }): WorkflowSummaryRow => ({
      ...workflow,
      lastRun: lastRunId && lastRunStatus && lastRunAt ? { id: lastRunId, status: lastRunStatus, createdAt: lastRunAt } : null,
      usage30d: toUsageTotals({
        runs: usageRuns,
        inputTokens: usageInputTokens,
        outputTokens: usageOutputTokens,
        totalTokens: usageTotalTokens,
        costUsd: usageCostUsd,
      }),
    }),
  );
  return { workflows: summaries, total, hasMore, nextCursor: hasMore && last ? encodeCursor({ updatedAt: last.cursorAt, id: last.id }) : undefined };
}
