/**
 * The Trigger.dev task that executes a run: a one-line call of the same run executor the
 * local queue uses (retries and resume behave the same way), given the task's AbortSignal
 * so a cancel reaches the run at once (see execute-triggered-run.ts).
 */
import { task } from "@trigger.dev/sdk";
import { executeTriggeredRun } from "@/server/jobs/execute-triggered-run";

export const runWorkflow = task({
  id: "run-workflow",
  maxDuration: 3600,
  run: async (payload: { runId: string }, { signal }) => executeTriggeredRun(payload.runId, signal).then((result) => ({ kind: result.kind })),
});
