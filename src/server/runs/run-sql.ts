/**
 * Raw SQL shared by the run executor's hot path (claim, per-node writes, finish): one
 * round trip each, prepared by name on PostgreSQL. Column aliases give the same camelCase
 * rows Drizzle would return.
 */
import type { DatabaseHandle } from "../db/client";

/** Every `workflow_runs` column but `input`, aliased like Drizzle's rows. */
export const RUN_COLUMNS = `id, workflow_id AS "workflowId", user_id AS "userId", trigger_id AS "triggerId", status, scope,
  target_node_ids AS "targetNodeIds", output, error_message AS "errorMessage", error_stack AS "errorStack",
  started_at AS "startedAt", completed_at AS "completedAt", duration_ms AS "durationMs", created_at AS "createdAt", updated_at AS "updatedAt"`;

/** Runs a parameterized statement; on PostgreSQL as a named prepared statement (parsed once per connection). */
export async function queryPrepared<T>(handle: DatabaseHandle, name: string, text: string, values: unknown[]): Promise<T[]> {
  if (handle.kind === "postgres" && handle.pool) {
    const result = await handle.pool.query({ name, text, values });
    return result.rows as T[];
  }
  const result = await handle.executeSql(text, values);
  return result.rows as T[];
}
