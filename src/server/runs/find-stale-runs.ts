/**
 * Runs whose worker has gone quiet: QUEUED or RUNNING with a heartbeat older than the lease,
 * the longest-quiet first, at most 100 a sweep. Read by both sweepers (pg-boss's and Trigger.dev's).
 */
import type { DatabaseHandle } from "../db/client";
import { UNFINISHED_RUN_STATUSES, heartbeatOlderThan } from "./run-sql";

const STALE_SQL = `SELECT id, trigger_id AS "triggerId" FROM workflow_runs
  WHERE status IN (${UNFINISHED_RUN_STATUSES}) AND ${heartbeatOlderThan("$1")} ORDER BY updated_at LIMIT 100`;

export interface StaleRun {
  id: string;
  /** The Trigger.dev run executing it, when it went through Trigger.dev. */
  triggerId: string | null;
}

export async function findStaleRuns(handle: DatabaseHandle, leaseSeconds: number): Promise<StaleRun[]> {
  const { rows } = await handle.executeSql(STALE_SQL, [leaseSeconds]);
  return rows as StaleRun[];
}
