/**
 * Records how a run ended, by compare-and-set from RUNNING, with its usage summed from its node
 * results (`RUN_USAGE_SUM`) and the engine's `errorCode`. A run canceled meanwhile keeps its
 * CANCELED status (set by the cancel request) and only gains its outputs and the usage its
 * calls in flight added. `error_stack`
 * gets the engine's `errorStack` (an unexpected error's server-side stack; see
 * `programmingErrorStack` in the engine), and is never part of the row returned or published.
 * Given the run's pg-boss job, the same statement completes it (one round trip less per run);
 * a run canceled meanwhile leaves its job to the caller.
 */
import type { RunFinishEvent } from "@/engine";
import type { DatabaseHandle } from "../db/client";
import { encodeNotice, notifySql } from "../events/remote-notice";
import { publishRunEvents, type RunRow } from "../events/run-events";
import { RUN_COLUMNS, RUN_USAGE_SUM, endRunSet, queryNotifying } from "./run-sql";

/** Ends the run; with a job ($8 queue, $9 id), completes it too — as pg-boss's completeJobs does — if the run was ended. */
const finishSql = (withJob: boolean) => `
WITH u AS (
  UPDATE workflow_runs SET ${endRunSet("$2::run_status", "$4")}, output = $3::jsonb, error_stack = $5, error_code = $7
  WHERE id = $1 AND status = 'RUNNING'
  RETURNING ${RUN_COLUMNS}
)${
  withJob
    ? `, j AS (
  UPDATE pgboss.job SET completed_on = now(), state = 'completed'
  WHERE name = $8 AND id = $9::uuid AND state = 'active' AND EXISTS (SELECT 1 FROM u)
  RETURNING 1
)
SELECT u.*, EXISTS (SELECT 1 FROM j) AS "jobCompleted", ${notifySql("$6")} FROM u`
    : `
SELECT u.*, false AS "jobCompleted", ${notifySql("$6")} FROM u`
}`;
// Trigger.dev mode may have no pg-boss schema at all: the job's variant is only sent with a job.
const FINISH_SQL = finishSql(false);
const FINISH_WITH_JOB_SQL = finishSql(true);

const FILL_CANCELED_SQL = `
WITH u AS (
  UPDATE workflow_runs SET output = coalesce(output, $2::jsonb), usage = ${RUN_USAGE_SUM}, updated_at = now()
  WHERE id = $1 AND status = 'CANCELED'
  RETURNING ${RUN_COLUMNS}
)
SELECT u.*, ${notifySql("$3")} FROM u`;

/** A run's pg-boss job: its queue and id. */
export interface RunJobRef {
  queue: string;
  id: string;
}

export interface FinishedRun {
  /** The run row as stored, or undefined when the run was no longer this worker's to finish. */
  row: RunRow | undefined;
  /** The job given was completed by the same statement. */
  jobCompleted: boolean;
}

export async function finishRun(handle: DatabaseHandle, runId: string, event: RunFinishEvent, job?: RunJobRef): Promise<FinishedRun> {
  const notice = encodeNotice(handle, { r: runId, run: 1 });
  const output = JSON.stringify(event.outputs);
  const values = [runId, event.status, output, event.error ?? null, event.errorStack ?? null, notice, event.errorCode ?? null];
  const finished = job
    ? await queryNotifying<RunRow & { jobCompleted: boolean }>(handle, "galaxy_run_finish_job", FINISH_WITH_JOB_SQL, [...values, job.queue, job.id])
    : await queryNotifying<RunRow & { jobCompleted: boolean }>(handle, "galaxy_run_finish", FINISH_SQL, values);
  let row: RunRow | undefined;
  let jobCompleted = false;
  if (finished) ({ jobCompleted, ...row } = finished);
  if (!row && event.status === "CANCELED") {
    row = await queryNotifying<RunRow>(handle, "galaxy_run_fill_canceled", FILL_CANCELED_SQL, [runId, output, notice]);
  }
  if (row) publishRunEvents(runId, [{ type: "run", row }]);
  return { row, jobCompleted };
}
