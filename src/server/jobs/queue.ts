/**
 * The job queue: pg-boss 10 on the application's own database (PostgreSQL, or PGlite through
 * pg-boss's `db` option), one per process, kept on `globalThis` so the instrumentation bundle
 * and the route bundles share it. A job carries only a run id; the run row is the truth.
 *
 * Durability: a job is fetched with an expiry that covers the longest run; the executing
 * worker keeps the run's heartbeat (`workflow_runs.updated_at`) fresh. When a worker dies,
 * the sweeper (sweep-stale-runs.ts) sees the stale heartbeat and fails its job at once, so
 * pg-boss retries it on another worker, which resumes the run; after `GALAXY_RUN_RETRIES`
 * retries the run ends FAILED "worker lost". Expiry remains as the backstop.
 */
import PgBoss from "pg-boss";
import type { DatabaseHandle } from "../db/client";
import { env } from "../env";
import { logger, withoutLogContext } from "../log";

export const RUN_QUEUE = "run-workflow";

export interface QueueState {
  boss: PgBoss;
  handle: DatabaseHandle;
}

const holder = globalThis as unknown as { __galaxyQueue?: Promise<QueueState> };

/** Starts pg-boss on this database (once per process) and creates the run queue. */
export function startQueue(handle: DatabaseHandle): Promise<QueueState> {
  const existing = holder.__galaxyQueue;
  if (existing) return existing;
  // Started by the first enqueue when not at boot: pg-boss's own lines must not carry that request's id.
  const starting = withoutLogContext(async () => {
    const boss = new PgBoss({
      // The app's own connections: one pool per process, and the only way onto PGlite.
      db: { executeSql: (text, values) => handle.executeSql(text, values) },
      schedule: false,
    });
    boss.on("error", (error) => logger("queue").error({ err: error }, "pg-boss error"));
    await boss.start();
    await boss.createQueue(RUN_QUEUE, { name: RUN_QUEUE, retryLimit: env().GALAXY_RUN_RETRIES, retryDelay: 1 });
    return { boss, handle };
  });
  holder.__galaxyQueue = starting;
  starting.catch(() => {
    if (holder.__galaxyQueue === starting) holder.__galaxyQueue = undefined;
  });
  return starting;
}

/** The started queue, or undefined. */
export function currentQueue(): Promise<QueueState> | undefined {
  return holder.__galaxyQueue;
}

export async function stopQueue(): Promise<void> {
  const pending = holder.__galaxyQueue;
  holder.__galaxyQueue = undefined;
  if (!pending) return;
  const { boss } = await pending;
  await boss.stop({ graceful: false, wait: true, close: false });
}
