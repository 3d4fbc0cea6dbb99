/**
 * Enqueue through Trigger.dev (when TRIGGER_SECRET_KEY is set): triggers the `run-workflow`
 * task, whose body calls the same run executor, and returns Trigger.dev's run id.
 * The SDK is imported lazily so processes without Trigger.dev never load it.
 */
import { env } from "../env";

export const RUN_WORKFLOW_TASK = "run-workflow";

let configuredFor: string | undefined;

export async function triggerRun(runId: string): Promise<string> {
  const config = env();
  if (!config.TRIGGER_SECRET_KEY) throw new Error("Trigger.dev is not configured: set TRIGGER_SECRET_KEY");
  const { configure, tasks } = await import("@trigger.dev/sdk");
  const key = `${config.TRIGGER_SECRET_KEY}|${config.TRIGGER_API_URL ?? ""}`;
  if (configuredFor !== key) {
    configure({ secretKey: config.TRIGGER_SECRET_KEY, ...(config.TRIGGER_API_URL && { baseURL: config.TRIGGER_API_URL }) });
    configuredFor = key;
  }
  // Idempotent per run: a retried enqueue never starts a second task run.
  const handle = await tasks.trigger(RUN_WORKFLOW_TASK, { runId }, { idempotencyKey: `galaxy-run-${runId}` });
  return handle.id;
}
