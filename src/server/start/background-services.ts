/**
 * Long-lived services started with the server process: the job queue (pg-boss on the
 * app's database), the inline run worker unless GALAXY_WORKER is "external" or "off" or
 * Trigger.dev executes runs, and the cross-process event bridge on PostgreSQL.
 */
import type { DatabaseHandle } from "../db/client";
import { env } from "../env";
import { ensureEventBridge, stopEventBridge } from "../events/pg-event-bridge";
import { startQueue, stopQueue } from "../jobs/queue";
import { startRunWorker, stopRunWorker } from "../jobs/run-worker";

export async function startBackgroundServices(database: DatabaseHandle): Promise<void> {
  const config = env();
  await ensureEventBridge(database);
  if (config.TRIGGER_SECRET_KEY) return; // Trigger.dev runs the jobs; nothing to start here.
  const queue = await startQueue(database);
  if (config.GALAXY_WORKER === "inline") startRunWorker(queue);
}

export async function stopBackgroundServices(): Promise<void> {
  await stopRunWorker();
  await stopQueue();
  await stopEventBridge();
}
