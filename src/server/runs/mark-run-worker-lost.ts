/**
 * Ends a run whose worker is gone and whose retries are spent: FAILED "worker lost", by
 * compare-and-set (only while it is still QUEUED/RUNNING with a stale heartbeat), and fails
 * the node results that were left RUNNING.
 */
import type { DatabaseHandle } from "../db/client";
import { encodeNotice } from "../events/remote-notice";
import { publishRunEvents, type RunRow } from "../events/run-events";
import { logger } from "../log";
import { endUnfinishedRunSql, heartbeatOlderThan, queryNotifying } from "./run-sql";

export const WORKER_LOST_MESSAGE = "worker lost: the run's worker stopped responding and its retries are spent";

const LOST_SQL = endUnfinishedRunSql("FAILED", heartbeatOlderThan("$2"), "FAILED");

export async function markRunWorkerLost(handle: DatabaseHandle, runId: string, leaseSeconds: number): Promise<boolean> {
  const notice = encodeNotice(handle, { r: runId, run: 1 });
  const row = await queryNotifying<RunRow>(handle, "galaxy_run_lost", LOST_SQL, [runId, leaseSeconds, WORKER_LOST_MESSAGE, "worker lost", notice]);
  if (!row) return false;
  logger("runs").warn({ runId }, "run ended FAILED: worker lost");
  publishRunEvents(runId, [{ type: "run", row }]);
  return true;
}
