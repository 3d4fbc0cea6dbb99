/**
 * The vocabulary of the run executor's raw SQL (claim, progress writes, finish, cancel,
 * worker lost, sweep): column lists derived from the Drizzle schema, so rows come back keyed
 * as Drizzle's are; the fragments those statements share; and `queryPrepared`. Raw SQL
 * because each is one round trip the query builder cannot express (CTE chains with RETURNING
 * and NOTIFY), prepared by name (PostgreSQL, and PGlite through db/pglite-prepared.ts). Built once, when the module loads.
 */
import type { Column } from "drizzle-orm";
import { CasingCache } from "drizzle-orm/casing";
import { RUN_STATUSES, isFinalRunStatus, type FinalNodeStatus } from "@/engine";
import type { DatabaseHandle } from "../db/client";
import { queryPglitePrepared } from "../db/pglite-prepared";
import { RUN_ROW_COLUMNS } from "../events/run-events";
import { notifySql } from "../events/remote-notice";

type Columns = Record<string, Column>;

const casing = new CasingCache("snake_case");

/** A column's name in SQL, as the Drizzle client (`casing: "snake_case"`) spells it. */
export function columnName(column: Column): string {
  return casing.getColumnCasing(column);
}

/**
 * A select list whose rows are keyed like Drizzle's (`node_id AS "nodeId"`; a name equal to
 * its key needs no alias), each column qualified by `alias` when given.
 * @example selectColumns({ id, nodeId }, "nr") // `nr.id, nr.node_id AS "nodeId"`
 */
export function selectColumns(columns: Columns, alias?: string): string {
  return Object.entries(columns)
    .map(([key, column]) => {
      const name = columnName(column);
      const ref = alias ? `${alias}.${name}` : name;
      return name === key ? ref : `${ref} AS "${key}"`;
    })
    .join(", ");
}

/** The columns' SQL names, for an INSERT's column list. */
export function columnNames(columns: Columns): string {
  return Object.values(columns).map(columnName).join(", ");
}

/**
 * A JSON array parameter read as rows `x`, its fields named by the columns' keys and typed as
 * the columns are, and the select list of those fields in the same order.
 * @example jsonRows("$2", { id, nodeId }) // { from: `jsonb_to_recordset($2::jsonb) AS x(id text, "nodeId" text)`, fields: `x.id, x."nodeId"` }
 */
export function jsonRows(param: `$${number}`, columns: Columns, extraFields = ""): { from: string; fields: string } {
  const entries = Object.entries(columns);
  const types = entries.map(([key, column]) => `"${key}" ${column.getSQLType()}`);
  return {
    from: `jsonb_to_recordset(${param}::jsonb) AS x(${[...types, ...(extraFields ? [extraFields] : [])].join(", ")})`,
    fields: entries.map(([key]) => `x."${key}"`).join(", "),
  };
}

/** `node_type = excluded.node_type, …`: what an upsert overwrites. */
export function setFromExcluded(columns: Columns): string {
  return Object.values(columns)
    .map((column) => `${columnName(column)} = excluded.${columnName(column)}`)
    .join(", ");
}

/** Every column of a published run row (`RunRow`), keyed like Drizzle's. */
export const RUN_COLUMNS = selectColumns(RUN_ROW_COLUMNS);

/** A run that is not over yet, as an SQL list: `'QUEUED', 'RUNNING'`. */
export const UNFINISHED_RUN_STATUSES = RUN_STATUSES.filter((status) => !isFinalRunStatus(status))
  .map((status) => `'${status}'`)
  .join(", ");

/** Touches a RUNNING run's heartbeat; returns a row only while the run is RUNNING. */
export const HEARTBEAT_SQL = `UPDATE workflow_runs SET updated_at = now() WHERE id = $1 AND status = 'RUNNING' RETURNING 1`;

/** The run's heartbeat is older than `secondsParam` seconds: its worker is presumed gone. */
export function heartbeatOlderThan(secondsParam: `$${number}`, alias?: string): string {
  return `${alias ? `${alias}.` : ""}updated_at < now() - make_interval(secs => ${secondsParam}::int)`;
}

/** Milliseconds from the run's start to now (never negative; NULL for a run that never started). */
const ELAPSED_MS = `CASE WHEN started_at IS NULL THEN NULL ELSE greatest(0, (extract(epoch FROM now() - started_at) * 1000)::int) END`;

/**
 * One field of a usage column (`usage`: an SQL expression of jsonb) summed over the rows of an
 * aggregate, as a numeric: NULL when any row does not know it (`sumUsage`'s rule, in SQL).
 */
export function sumUsageFieldSql(usage: string, key: "inputTokens" | "outputTokens" | "totalTokens" | "costUsd"): string {
  return `CASE WHEN bool_and(${usage}->>'${key}' IS NOT NULL) THEN sum((${usage}->>'${key}')::numeric) END`;
}
const usageField = (key: Parameters<typeof sumUsageFieldSql>[1]) => sumUsageFieldSql("nr.usage", key);

/**
 * The usage of the run being updated (`workflow_runs`): its node results' usage summed — calls
 * made in this run; a reused (cached) result costs nothing — or NULL when none made a call.
 * The same rule as `sumUsage` (src/contracts/usage.ts).
 */
export const RUN_USAGE_SUM = `(
  SELECT CASE WHEN count(*) = 0 THEN NULL ELSE jsonb_build_object(
    'inputTokens', ${usageField("inputTokens")}, 'outputTokens', ${usageField("outputTokens")},
    'totalTokens', ${usageField("totalTokens")}, 'costUsd', ${usageField("costUsd")}) END
  FROM node_results nr WHERE nr.run_id = workflow_runs.id AND nr.usage IS NOT NULL AND NOT nr.cached
)`;

/**
 * The SET items that end a run now, with `status` and `errorMessage` (SQL expressions); the
 * run's usage is summed from its node results, so a canceled or failed run counts what it spent.
 */
export function endRunSet(status: string, errorMessage: string): string {
  return `status = ${status}, error_message = ${errorMessage}, completed_at = now(), duration_ms = ${ELAPSED_MS}, usage = ${RUN_USAGE_SUM}, updated_at = now()`;
}

/**
 * One statement that ends an unfinished run by compare-and-set — `status`, error message $3 —
 * when `condition` holds too, ends the node results it left RUNNING as `nodeStatus` with
 * error $4 (and `nodeMeta` merged into their meta), sends the notice $5 and returns the run
 * row (`RUN_COLUMNS`, and `notified`). $1 is the run id; $2 is for `condition`.
 */
export function endUnfinishedRunSql(status: "CANCELED" | "FAILED", condition: string, nodeStatus: FinalNodeStatus, nodeMeta?: Record<string, unknown>): string {
  // A constant of our own, not user input: safe to inline as a quoted literal.
  const meta = nodeMeta ? `, meta = coalesce(meta, '{}'::jsonb) || '${JSON.stringify(nodeMeta).replaceAll("'", "''")}'::jsonb` : "";
  return `
WITH u AS (
  UPDATE workflow_runs SET ${endRunSet(`'${status}'`, "$3")}
  WHERE id = $1 AND status IN (${UNFINISHED_RUN_STATUSES}) AND ${condition}
  RETURNING ${RUN_COLUMNS}
), n AS (
  UPDATE node_results SET status = '${nodeStatus}', error = $4${meta}, completed_at = now(), updated_at = now()
  WHERE run_id IN (SELECT id FROM u) AND status = 'RUNNING'
)
SELECT u.*, ${notifySql("$5")} FROM u`;
}

/** Runs a parameterized statement as a named prepared statement (parsed and planned once per connection, or per PGlite). */
export async function queryPrepared<T>(handle: DatabaseHandle, name: string, text: string, values: unknown[]): Promise<T[]> {
  if (handle.kind === "postgres" && handle.pool) {
    const result = await handle.pool.query({ name, text, values });
    return result.rows as T[];
  }
  if (handle.pglite) return queryPglitePrepared<T>(handle.pglite, name, text, values);
  const result = await handle.executeSql(text, values);
  return result.rows as T[];
}

/** The row of a statement that ends in `notifySql` (one row at most), without its `notified` column. */
export async function queryNotifying<T extends object>(handle: DatabaseHandle, name: string, text: string, values: unknown[]): Promise<T | undefined> {
  const [row] = await queryPrepared<T & { notified?: unknown }>(handle, name, text, values);
  if (row) delete row.notified;
  return row;
}
