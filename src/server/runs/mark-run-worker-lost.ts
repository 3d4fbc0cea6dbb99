/**
 * Ends a run whose worker is gone and whose retries are spent: FAILED "worker lost", by
 * compare-and-set (only while it is still QUEUED/RUNNING with a stale heartbeat), and fails
 * the node results that were left RUNNING.
 */
import type { DatabaseHandle } from "../db/client";
import { notifyRemote } from "../events/pg-event-bridge";
import { publishRunEvents, type RunRow } from "../events/run-events";
import { RUN_COLUMNS } from "./run-sql";

export const WORKER_LOST_MESSAGE = "worker lost: the run's worker stopped responding and its retries are spent";

const LOST_SQL = `
WITH u AS (
  UPDATE workflow_runs SET status = 'FAILED', error_message = $3, completed_at = now(),
    duration_ms = CASE WHEN started_at IS NULL THEN NULL ELSE greatest(0, (extract(epoch FROM now() - started_at) * 1000)::int) END, updated_at = now()
  WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') AND updated_at < now() - make_interval(secs => $2::int)
  RETURNING ${RUN_COLUMNS}
), n AS (
  UPDATE node_results SET status = 'FAILED', error = 'worker lost', completed_at = now(), updated_at = now()
  WHERE run_id IN (SELECT id FROM u) AND status = 'RUNNING'
)
SELECT * FROM u`;

export async function markRunWorkerLost(handle: DatabaseHandle, runId: string, leaseSeconds: number): Promise<boolean> {
  const { rows } = await handle.executeSql(LOST_SQL, [runId, leaseSeconds, WORKER_LOST_MESSAGE]);
  const row = rows[0] as RunRow | undefined;
  if (!row) return false;
  console.warn(`[runs] run ${runId} ended FAILED: worker lost`);
  publishRunEvents(runId, [{ type: "run", row }]);
  await notifyRemote(handle, { r: runId, run: 1 });
  return true;
}
