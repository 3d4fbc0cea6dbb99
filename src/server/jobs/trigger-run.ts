/**
 * Galaxy's calls to Trigger.dev (when TRIGGER_SECRET_KEY is set): trigger the `run-workflow`
 * task for a run, whose body calls the same run executor; read a task run's state (the sweeper's
 * question: still waiting, executing, or over?); cancel a task run (its task's AbortSignal fires).
 * The SDK is imported lazily so processes without Trigger.dev never load it.
 *
 * A run is handed to Trigger.dev once, then once more per task run lost (retry 1, 2, …, up to
 * GALAXY_RUN_RETRIES): each hand-over has its own idempotency key, so a repeated call (a retried
 * enqueue, two sweepers at once) never starts a second task run, and its number rides along as
 * a tag (`galaxy-retry-<n>`), so the sweeper reads how many retries a run has had from its task run.
 */
import type { AnyRetrieveRunResult } from "@trigger.dev/sdk";
import { env } from "../env";

export const RUN_WORKFLOW_TASK = "run-workflow";
const RETRY_TAG = "galaxy-retry-";

/** A task run's status, as Trigger.dev's API names it (QUEUED, EXECUTING, COMPLETED, CRASHED, …). */
export type TriggerRunStatus = AnyRetrieveRunResult["status"];

export interface TriggerRunState {
  status: TriggerRunStatus;
  /** Which hand-over of the Galaxy run it is: 0 for the first, n for the n-th retry. */
  retry: number;
  /** When Trigger.dev last changed it (it started, or started another attempt). */
  changedAt: Date;
}

let configuredFor: string | undefined;

async function sdk() {
  const config = env();
  if (!config.TRIGGER_SECRET_KEY) throw new Error("Trigger.dev is not configured: set TRIGGER_SECRET_KEY");
  const { configure, tasks, runs, ApiError } = await import("@trigger.dev/sdk");
  const key = `${config.TRIGGER_SECRET_KEY}|${config.TRIGGER_API_URL ?? ""}`;
  if (configuredFor !== key) {
    configure({ secretKey: config.TRIGGER_SECRET_KEY, ...(config.TRIGGER_API_URL && { baseURL: config.TRIGGER_API_URL }) });
    configuredFor = key;
  }
  return { tasks, runs, ApiError };
}

/** Triggers the task for `runId` (hand-over `retry`: 0 the first time) and returns Trigger.dev's run id. */
export async function triggerRun(runId: string, retry = 0): Promise<string> {
  const { tasks } = await sdk();
  const handle = await tasks.trigger(
    RUN_WORKFLOW_TASK,
    { runId },
    retry === 0 ? { idempotencyKey: `galaxy-run-${runId}` } : { idempotencyKey: `galaxy-run-${runId}-retry-${retry}`, tags: [`${RETRY_TAG}${retry}`] },
  );
  return handle.id;
}

/** The task run's state, or undefined when Trigger.dev does not know the id (404). */
export async function readTriggerRun(triggerId: string): Promise<TriggerRunState | undefined> {
  const { runs, ApiError } = await sdk();
  try {
    const run = await runs.retrieve(triggerId);
    const tagged = run.tags.map((tag) => (tag.startsWith(RETRY_TAG) ? Number(tag.slice(RETRY_TAG.length)) : 0));
    return { status: run.status, retry: Math.max(0, ...tagged.filter(Number.isSafeInteger)), changedAt: run.updatedAt };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return undefined;
    throw error;
  }
}

/** Cancels a task run: Trigger.dev aborts its task's signal at once. A run already over stays as it is. */
export async function cancelTriggerRun(triggerId: string): Promise<void> {
  const { runs } = await sdk();
  await runs.cancel(triggerId);
}
