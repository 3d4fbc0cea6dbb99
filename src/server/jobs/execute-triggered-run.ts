/**
 * The body of the Trigger.dev task (src/trigger/run-workflow.ts): the same run executor the
 * local queue uses, told what Trigger.dev's AbortSignal means. Trigger.dev aborts it when the
 * task run is canceled — by a user's cancel (cancel-run.ts cancels it there too), by the
 * sweeper (a hung task), from its dashboard — or runs past maxDuration. A run the user canceled
 * is then stopped as a cancel, at once: calls in flight get the abort, and the canceled run keeps
 * what it had. Any other abort is a shutdown: the run is left RUNNING, and the sweeper hands it
 * to a new task run, which resumes it.
 */
import "server-only";
import { eq } from "drizzle-orm";
import { getDatabase } from "../db";
import { workflowRuns } from "../db/schema";
import { publishCancelRequest } from "../events/run-events";
import { executeRun, type ExecuteRunResult } from "../runs/execute-run";

export async function executeTriggeredRun(runId: string, taskSignal: AbortSignal): Promise<ExecuteRunResult> {
  const shutdown = new AbortController();
  const onAbort = () => {
    void readRunStatus(runId)
      .then((status) => (status === "CANCELED" ? publishCancelRequest(runId) : shutdown.abort()))
      .catch(() => shutdown.abort());
  };
  taskSignal.addEventListener("abort", onAbort, { once: true });
  if (taskSignal.aborted) onAbort();
  try {
    const result = await executeRun(runId, { signal: shutdown.signal });
    // The task run fails, and the sweeper hands the run to a new task run once its heartbeat is stale.
    if (result.kind === "handed-over") throw new Error("worker shut down before the run finished; a new task run resumes it");
    return result;
  } finally {
    taskSignal.removeEventListener("abort", onAbort);
  }
}

async function readRunStatus(runId: string) {
  const { db } = await getDatabase();
  const [run] = await db.select({ status: workflowRuns.status }).from(workflowRuns).where(eq(workflowRuns.id, runId));
  return run?.status;
}
