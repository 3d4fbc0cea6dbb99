/**
 * Records how a run ended, by compare-and-set from RUNNING, with its usage summed from its node
 * results (`RUN_USAGE_SUM`) and the engine's `errorCode`. A run canceled meanwhile keeps its
 * CANCELED status (set by the cancel request) and only gains its outputs and the usage its
 * calls in flight added. `error_stack`
 * gets the engine's `errorStack` (an unexpected error's server-side stack; see
 * `programmingErrorStack` in the engine), and is never part of the row returned or published.
 */
import type { RunFinishEvent } from "@/engine";
import type { DatabaseHandle } from "../db/client";
import { encodeNotice, notifySql } from "../events/remote-notice";
import { publishRunEvents, type RunRow } from "../events/run-events";
import { RUN_COLUMNS, RUN_USAGE_SUM, endRunSet, queryNotifying } from "./run-sql";

const FINISH_SQL = `
WITH u AS (
  UPDATE workflow_runs SET ${endRunSet("$2::run_status", "$4")}, output = $3::jsonb, error_stack = $5, error_code = $7
  WHERE id = $1 AND status = 'RUNNING'
  RETURNING ${RUN_COLUMNS}
)
SELECT u.*, ${notifySql("$6")} FROM u`;

const FILL_CANCELED_SQL = `
WITH u AS (
  UPDATE workflow_runs SET output = coalesce(output, $2::jsonb), usage = ${RUN_USAGE_SUM}, updated_at = now()
  WHERE id = $1 AND status = 'CANCELED'
  RETURNING ${RUN_COLUMNS}
)
SELECT u.*, ${notifySql("$3")} FROM u`;

/** Returns the run row as stored, or undefined when the run was no longer this worker's to finish. */
export async function finishRun(handle: DatabaseHandle, runId: string, event: RunFinishEvent): Promise<RunRow | undefined> {
  const notice = encodeNotice(handle, { r: runId, run: 1 });
  const output = JSON.stringify(event.outputs);
  let row = await queryNotifying<RunRow>(handle, "galaxy_run_finish", FINISH_SQL, [
    runId,
    event.status,
    output,
    event.error ?? null,
    event.errorStack ?? null,
    notice,
    event.errorCode ?? null,
  ]);
  if (!row && event.status === "CANCELED") {
    row = await queryNotifying<RunRow>(handle, "galaxy_run_fill_canceled", FILL_CANCELED_SQL, [runId, output, notice]);
  }
  if (!row) return undefined;
  publishRunEvents(runId, [{ type: "run", row }]);
  return row;
}
