/**
 * Records how a run ended, by compare-and-set from RUNNING. A run canceled meanwhile keeps
 * its CANCELED status (set by the cancel request) and only gains its outputs.
 */
import type { RunFinishEvent } from "@/engine";
import type { DatabaseHandle } from "../db/client";
import { EVENTS_CHANNEL } from "../events/pg-event-bridge";
import { processOrigin, publishRunEvents, type RunRow } from "../events/run-events";
import { RUN_COLUMNS, queryPrepared } from "./run-sql";

const FINISH_SQL = `
WITH u AS (
  UPDATE workflow_runs SET status = $2::run_status, output = $3::jsonb, error_message = $4, error_stack = NULL,
    completed_at = now(), duration_ms = greatest(0, (extract(epoch FROM now() - coalesce(started_at, now())) * 1000)::int), updated_at = now()
  WHERE id = $1 AND status = 'RUNNING'
  RETURNING ${RUN_COLUMNS}
)
SELECT u.*, CASE WHEN $5::text IS NULL THEN NULL ELSE pg_notify('${EVENTS_CHANNEL}', $5::text) END AS notified FROM u`;

const FILL_CANCELED_SQL = `
WITH u AS (
  UPDATE workflow_runs SET output = coalesce(output, $2::jsonb), updated_at = now()
  WHERE id = $1 AND status = 'CANCELED'
  RETURNING ${RUN_COLUMNS}
)
SELECT u.*, CASE WHEN $3::text IS NULL THEN NULL ELSE pg_notify('${EVENTS_CHANNEL}', $3::text) END AS notified FROM u`;

/** Returns the run row as stored, or undefined when the run was no longer this worker's to finish. */
export async function finishRun(handle: DatabaseHandle, runId: string, event: RunFinishEvent): Promise<RunRow | undefined> {
  const notice = handle.kind === "postgres" ? JSON.stringify({ o: processOrigin(), r: runId, run: 1 }) : null;
  const output = JSON.stringify(event.outputs);
  let [row] = await queryPrepared<RunRow & { notified?: unknown }>(handle, "galaxy_run_finish", FINISH_SQL, [
    runId,
    event.status,
    output,
    event.error ?? null,
    notice,
  ]);
  if (!row && event.status === "CANCELED") {
    [row] = await queryPrepared<RunRow & { notified?: unknown }>(handle, "galaxy_run_fill_canceled", FILL_CANCELED_SQL, [runId, output, notice]);
  }
  if (!row) return undefined;
  delete row.notified;
  publishRunEvents(runId, [{ type: "run", row }]);
  return row;
}
