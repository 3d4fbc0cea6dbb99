/**
 * The Trigger.dev task that executes a run: a one-line call of the same run executor the
 * local queue uses (retries and resume behave the same way).
 */
import { task } from "@trigger.dev/sdk";
import { executeRun } from "@/server/runs/execute-run";

export const runWorkflow = task({
  id: "run-workflow",
  maxDuration: 3600,
  run: async (payload: { runId: string }) => executeRun(payload.runId).then((result) => ({ kind: result.kind })),
});
