/**
 * Hands a QUEUED run to whatever executes runs here: Trigger.dev when configured (its run id
 * is stored in `triggerId`), otherwise a pg-boss job (one per run, keyed by the run id) that
 * an inline or external worker picks up; workers are woken at once rather than at their next poll.
 */
import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "../db/client";
import { workflowRuns } from "../db/schema";
import { env } from "../env";
import { notifyRemote } from "../events/remote-notice";
import { publishJobWake } from "../events/run-events";
import { RUN_QUEUE, currentQueue, startQueue } from "./queue";
import { triggerRun } from "./trigger-run";

/** pg-boss refuses expiries of 24 h or more. */
const MAX_EXPIRE_SECONDS = 23 * 3600;

export async function enqueueRun(handle: DatabaseHandle, runId: string, plannedNodes: number): Promise<void> {
  const config = env();
  if (config.TRIGGER_SECRET_KEY) {
    const triggerId = await triggerRun(runId);
    await handle.db.update(workflowRuns).set({ triggerId }).where(eq(workflowRuns.id, runId));
    return;
  }
  const { boss } = await (currentQueue() ?? startQueue(handle));
  const job = runJobSettings(plannedNodes);
  await boss.send(RUN_QUEUE, { runId }, { singletonKey: runId, expireInSeconds: job.expireSeconds, retryLimit: job.retryLimit, retryDelay: job.retryDelaySeconds });
  publishJobWake();
  if (config.GALAXY_WORKER !== "inline") await notifyRemote(handle, { jobs: 1 });
}

/** What a run's job is given, whichever way it is stored (`boss.send` here, or start-run-here.ts). */
export function runJobSettings(plannedNodes: number): { expireSeconds: number; retryLimit: number; retryDelaySeconds: number } {
  return { expireSeconds: jobExpirySeconds(plannedNodes), retryLimit: env().GALAXY_RUN_RETRIES, retryDelaySeconds: 1 };
}

/**
 * The backstop expiry of a run's job: long enough for the slowest run this graph can make
 * (every node at its timeout, with retries, one after another); the heartbeat sweeper
 * recovers a dead worker's run much sooner.
 */
function jobExpirySeconds(plannedNodes: number): number {
  const perNode = Math.ceil(env().GALAXY_NODE_TIMEOUT_MS / 1000) * 3;
  return Math.min(MAX_EXPIRE_SECONDS, 300 + perNode * Math.max(1, plannedNodes));
}
