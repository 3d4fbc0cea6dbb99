/**
 * Creates a run already claimed by this process's inline worker, for when that worker has a free
 * slot: one statement stores the run RUNNING (its heartbeat fresh) and its pg-boss job `active`
 * — as if a worker had fetched and claimed it — so the run starts without the three round trips
 * of enqueue, fetch and claim, nor the worker's wake-up.
 *
 * Durability is the queue path's: the job row exists before any node runs. If this process dies,
 * the run's heartbeat goes stale, the sweeper fails the active job and pg-boss retries it on a
 * live worker, which resumes the run (sweep-stale-runs.ts) — the same recovery as a worker lost
 * mid-run. pg-boss 10 has no API to insert an active job; its job table is stable within the
 * major version (see sweep-stale-runs.ts), and the row carries what `boss.send` would set.
 */
import { randomUUID } from "node:crypto";
import type { DatabaseHandle } from "../db/client";
import type { runJobSettings } from "../jobs/enqueue-run";
import { workflowRuns } from "../db/schema";
import { encodeNotice, notifySql } from "../events/remote-notice";
import { RUN_ROW_COLUMNS } from "../events/run-events";
import type { ClaimedRun } from "./claim-run";
import { queryNotifying, selectColumns } from "./run-sql";

const START_HERE_SQL = `
WITH r AS (
  INSERT INTO workflow_runs (id, user_id, workflow_id, status, scope, source, target_node_ids, input, budget, workflow_version, started_at)
  VALUES ($1, $2, $3, 'RUNNING', $4::run_scope, $15::run_source, ARRAY(SELECT jsonb_array_elements_text($5::jsonb)), $6::jsonb, $7::jsonb, $8::int, now())
  RETURNING ${selectColumns({ ...RUN_ROW_COLUMNS, input: workflowRuns.input })}
), j AS (
  INSERT INTO pgboss.job (id, name, data, state, started_on, singleton_key, expire_in, keep_until, retry_limit, retry_delay, policy)
  SELECT $9::uuid, q.name, jsonb_build_object('runId', $1::text), 'active', now(), $1, make_interval(secs => $10::int),
    now() + coalesce(make_interval(mins => q.retention_minutes), interval '14 days'), $11::int, $12::int, q.policy
  FROM pgboss.queue q WHERE q.name = $13
  RETURNING id
)
-- No job (no queue): 1 / 0 fails the whole statement, so no run is stored without its job.
SELECT r.*, (SELECT id FROM j WHERE 1 / (SELECT count(*) FROM j)::int = 1) AS "jobId", ${notifySql("$14")} FROM r`;

export interface RunToStart {
  id: string;
  userId: string;
  workflowId: string | null;
  scope: ClaimedRun["scope"];
  source: ClaimedRun["source"];
  targetNodeIds: string[];
  input: unknown;
  budget: unknown;
  workflowVersion: number | null;
}

export type JobSettings = ReturnType<typeof runJobSettings> & { queue: string };

/** Stores the run RUNNING with its active job; returns the claimed run and the job's id. */
export async function startRunHere(
  handle: DatabaseHandle,
  run: RunToStart,
  job: JobSettings,
): Promise<{ run: ClaimedRun; jobId: string }> {
  const jobId = randomUUID();
  const row = await queryNotifying<Omit<ClaimedRun, "resumed"> & { jobId: string | null }>(handle, "galaxy_run_start_here", START_HERE_SQL, [
    run.id,
    run.userId,
    run.workflowId,
    run.scope,
    JSON.stringify(run.targetNodeIds),
    JSON.stringify(run.input),
    run.budget === null ? null : JSON.stringify(run.budget),
    run.workflowVersion,
    jobId,
    job.expireSeconds,
    job.retryLimit,
    job.retryDelaySeconds,
    job.queue,
    encodeNotice(handle, { r: run.id, run: 1 }),
    run.source,
  ]);
  if (!row) throw new Error("the run was not stored");
  const { jobId: _jobId, ...claimed } = row;
  return { run: { ...claimed, resumed: false }, jobId };
}
