/**
 * Long-lived services started with the server process: the job queue (pg-boss on the
 * app's database), the inline run worker unless GALAXY_WORKER is "external" or "off" or
 * Trigger.dev executes runs, and the cross-process event bridge on PostgreSQL. With Trigger.dev,
 * the sweeper of its stale runs instead (nothing else would notice a lost task run).
 */
import type { DatabaseHandle } from "../db/client";
import { env } from "../env";
import { ensureEventBridge, stopEventBridge } from "../events/pg-event-bridge";
import { startQueue, stopQueue } from "../jobs/queue";
import { startRunWorker, stopRunWorker } from "../jobs/run-worker";
import { startTriggerSweeper, stopTriggerSweeper } from "../jobs/trigger-sweeper";

export async function startBackgroundServices(database: DatabaseHandle): Promise<void> {
  const config = env();
  await ensureEventBridge(database);
  if (config.TRIGGER_SECRET_KEY) return startTriggerSweeper(database); // Trigger.dev runs the jobs.
  const queue = await startQueue(database);
  if (config.GALAXY_WORKER === "inline") startRunWorker(queue);
}

export async function stopBackgroundServices(): Promise<void> {
  await stopTriggerSweeper();
  await stopRunWorker();
  await stopQueue();
  await stopEventBridge();
}
