/**
 * Finds runs whose worker is gone — QUEUED or RUNNING with a heartbeat older than the lease —
 * and settles them through the queue: an active job is failed now (pg-boss retries it on a
 * live worker, which resumes the run; or, retries spent, the job fails for good); a run with
 * no live job left ends FAILED "worker lost". Runs waiting behind a backlog keep their
 * created job and are left alone. Any number of workers may sweep at once.
 */
import type { DatabaseHandle } from "../db/client";
import { env } from "../env";
import { markRunWorkerLost } from "../runs/mark-run-worker-lost";
import { findStaleRuns } from "../runs/find-stale-runs";
import { RUN_QUEUE, type QueueState } from "./queue";

// pg-boss 10 has no API to find jobs by key; its job table is stable within the major version.
const JOB_SQL = `SELECT id, state FROM pgboss.job WHERE name = $1 AND singleton_key = $2 ORDER BY created_on DESC LIMIT 1`;

/** A run's pg-boss job, as its table has it. */
interface RunJob {
  id: string;
  state: "created" | "retry" | "active" | "completed" | "cancelled" | "failed";
}

export interface SweepResult {
  retried: string[];
  lost: string[];
}

export async function sweepStaleRuns(queue: QueueState, leaseSeconds = env().GALAXY_RUN_LEASE_SECONDS): Promise<SweepResult> {
  const { boss, handle } = queue;
  const result: SweepResult = { retried: [], lost: [] };
  for (const { id } of await findStaleRuns(handle, leaseSeconds)) {
    const job = await findRunJob(handle, id);
    switch (job?.state) {
      case "created":
      case "retry":
        break; // waiting for a worker
      case "active":
        await boss.fail(RUN_QUEUE, job.id, { message: "worker lost (run heartbeat stale)" });
        result.retried.push(id);
        break;
      case "completed":
      case "cancelled":
      case "failed":
      case undefined:
        if (await markRunWorkerLost(handle, id, leaseSeconds)) result.lost.push(id);
        break;
    }
  }
  return result;
}

async function findRunJob(handle: DatabaseHandle, runId: string): Promise<RunJob | undefined> {
  const { rows } = await handle.executeSql(JOB_SQL, [RUN_QUEUE, runId]);
  return rows[0] as RunJob | undefined;
}
