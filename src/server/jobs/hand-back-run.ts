/**
 * Hands a run over when its worker shuts down mid-run: its job goes back to the queue at once
 * (without spending one of the run's retries, which are for workers that die), and the run's
 * heartbeat is marked stale so the next worker's claim takes it over without waiting out the
 * lease. Done in that order, so no sweeper can fail the job meanwhile.
 */
import type { DatabaseHandle } from "../db/client";
import { RUN_QUEUE } from "./queue";

// pg-boss 10 has no "release" API; its job table is stable within the major version (see sweep-stale-runs.ts).
const HAND_BACK_JOB_SQL = `UPDATE pgboss.job SET state = 'created', start_after = now(), started_on = NULL
  WHERE name = $1 AND id = $2 AND state = 'active'`;
const RELEASE_RUN_SQL = `UPDATE workflow_runs SET updated_at = now() - make_interval(secs => $2::int + 1)
  WHERE id = $1 AND status = 'RUNNING'`;

export async function handBackRun(handle: DatabaseHandle, jobId: string, runId: string, leaseSeconds: number): Promise<void> {
  await handle.executeSql(HAND_BACK_JOB_SQL, [RUN_QUEUE, jobId]);
  await handle.executeSql(RELEASE_RUN_SQL, [runId, leaseSeconds]);
}
