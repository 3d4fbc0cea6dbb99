/**
 * The sweeper of Trigger.dev mode (sweep-stale-runs.ts is pg-boss's): finds runs whose heartbeat
 * is older than the lease and asks Trigger.dev about the task run executing each:
 * - still waiting for a machine (queued, dequeued, delayed, waiting, no deployed version), or
 *   executing for less than a lease (it may not have claimed the run yet): left alone;
 * - executing for longer without a heartbeat (hung, or its machine lost): canceled, then as below;
 * - over (completed, failed, crashed, canceled, timed out, expired) while the run is not: the task
 *   is triggered again — retry n + 1, tagged and idempotent (see trigger-run.ts) — and its run id
 *   replaces the old one; the new task run claims the stale run and resumes it (nodes that
 *   succeeded are kept). After GALAXY_RUN_RETRIES retries, or when Trigger.dev does not know the
 *   task run, the run ends FAILED "worker lost".
 * A run with no task run recorded (its web process stopped between creating and handing it over)
 * is handed over now, under the key its enqueue used. Any number of web processes may sweep at
 * once: triggers are idempotent and the run's task run id changes by compare-and-set.
 */
import type { DatabaseHandle } from "../db/client";
import { env } from "../env";
import { logger } from "../log";
import { markRunWorkerLost } from "../runs/mark-run-worker-lost";
import { findStaleRuns } from "../runs/find-stale-runs";
import { UNFINISHED_RUN_STATUSES } from "../runs/run-sql";
import { cancelTriggerRun, readTriggerRun, triggerRun, type TriggerRunStatus } from "./trigger-run";

/** The run's task run id, by compare-and-set; the heartbeat is left stale so the new task run claims the run at once. */
const SET_TRIGGER_ID_SQL = `UPDATE workflow_runs SET trigger_id = $3
  WHERE id = $1 AND trigger_id IS NOT DISTINCT FROM $2 AND status IN (${UNFINISHED_RUN_STATUSES}) RETURNING 1`;

/** Not started yet, or paused by Trigger.dev: someone will execute it. */
const WAITING = new Set<TriggerRunStatus>(["PENDING_VERSION", "QUEUED", "DEQUEUED", "DELAYED", "WAITING"]);

export interface TriggerSweepResult {
  /** Runs whose task run is still waiting or just started. */
  waiting: string[];
  /** Runs triggered again after their task run was lost. */
  retried: string[];
  /** Runs handed to Trigger.dev that had no task run recorded. */
  handedOver: string[];
  /** Runs ended FAILED "worker lost". */
  lost: string[];
}

type Verdict = keyof TriggerSweepResult | "skipped";

export async function sweepTriggerRuns(
  handle: DatabaseHandle,
  leaseSeconds = env().GALAXY_RUN_LEASE_SECONDS,
  retries = env().GALAXY_RUN_RETRIES,
): Promise<TriggerSweepResult> {
  const result: TriggerSweepResult = { waiting: [], retried: [], handedOver: [], lost: [] };
  for (const run of await findStaleRuns(handle, leaseSeconds)) {
    try {
      const verdict = await sweepRun(handle, run.id, run.triggerId, leaseSeconds, retries);
      if (verdict !== "skipped") result[verdict].push(run.id);
    } catch (error) {
      // Trigger.dev unreachable or refusing: the next sweep asks again.
      logger("worker").warn({ runId: run.id, triggerId: run.triggerId, err: error }, "could not sweep a stale Trigger.dev run");
    }
  }
  return result;
}

async function sweepRun(handle: DatabaseHandle, runId: string, triggerId: string | null, leaseSeconds: number, retries: number): Promise<Verdict> {
  if (!triggerId) {
    const handedTo = await triggerRun(runId, 0);
    return (await setTriggerId(handle, runId, null, handedTo)) ? "handedOver" : "skipped";
  }
  const task = await readTriggerRun(triggerId);
  if (task && WAITING.has(task.status)) return "waiting";
  if (task?.status === "EXECUTING") {
    if (Date.now() - task.changedAt.getTime() < leaseSeconds * 1000) return "waiting";
    await cancelTriggerRun(triggerId); // hung: stop it before another task run takes over
  }
  if (!task || task.retry >= retries) return (await markRunWorkerLost(handle, runId, leaseSeconds)) ? "lost" : "skipped";
  const retry = task.retry + 1;
  const next = await triggerRun(runId, retry);
  // The same id back: Trigger.dev answered for an earlier hand-over (its retry was not readable); count it spent.
  if (next === triggerId) return (await markRunWorkerLost(handle, runId, leaseSeconds)) ? "lost" : "skipped";
  // Not set: a concurrent sweeper set it, to the same task run (same key); retried either way.
  if (await setTriggerId(handle, runId, triggerId, next)) {
    logger("worker").warn({ runId, lostTriggerId: triggerId, triggerId: next, status: task.status }, `Trigger.dev task run lost; triggered again (retry ${retry} of ${retries})`);
  }
  return "retried";
}

async function setTriggerId(handle: DatabaseHandle, runId: string, from: string | null, to: string): Promise<boolean> {
  const { rows } = await handle.executeSql(SET_TRIGGER_ID_SQL, [runId, from, to]);
  return rows.length > 0;
}
