/**
 * Cancels one of the caller's runs. A QUEUED or RUNNING run becomes CANCELED at once, by
 * compare-and-set, so the answer holds even if its worker is gone; the worker executing it
 * (in this process, or another one through a notice) aborts its in-flight nodes — model
 * requests get the abort — and only adds the outputs it had. A final run is left as it is.
 * A run on Trigger.dev also has its task run canceled there, so its task's AbortSignal fires at
 * once (see jobs/execute-triggered-run.ts) rather than the task noticing at its next heartbeat.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import { skipErrorText, type SkipReason } from "@/engine";
import { getDatabase } from "../db";
import { env } from "../env";
import { workflowRuns } from "../db/schema";
import { notFound } from "../http/errors";
import { encodeNotice } from "../events/remote-notice";
import { RUN_ROW_COLUMNS, publishCancelRequest, publishRunEvents, type RunRow } from "../events/run-events";
import { cancelTriggerRun } from "../jobs/trigger-run";
import { logger } from "../log";
import { endUnfinishedRunSql, queryNotifying } from "./run-sql";

export const CANCELED_MESSAGE = "canceled by the user";

const CANCELED_SKIP: SkipReason = { reason: "canceled" };
const CANCEL_SQL = endUnfinishedRunSql("CANCELED", "user_id = $2", "SKIPPED", { skip: CANCELED_SKIP });

export async function cancelRun(userId: string, runId: string): Promise<{ run: RunRow }> {
  const handle = await getDatabase();
  const notice = encodeNotice(handle, { r: runId, run: 1, cancel: 1 });
  const canceled = await queryNotifying<RunRow>(handle, "galaxy_run_cancel", CANCEL_SQL, [runId, userId, CANCELED_MESSAGE, skipErrorText(CANCELED_SKIP), notice]);
  if (canceled) {
    publishCancelRequest(runId);
    publishRunEvents(runId, [{ type: "run", row: canceled }]);
    const { triggerId } = canceled;
    // Not awaited: the answer stands without Trigger.dev, and a task that misses this stops at its next heartbeat.
    if (triggerId && env().TRIGGER_SECRET_KEY) {
      void cancelTriggerRun(triggerId).catch((error: unknown) =>
        logger("runs").warn({ runId, triggerId, err: error }, "could not cancel the run's Trigger.dev task run"),
      );
    }
    return { run: canceled };
  }
  const [run] = await handle.db
    .select(RUN_ROW_COLUMNS)
    .from(workflowRuns)
    .where(and(eq(workflowRuns.id, runId), eq(workflowRuns.userId, userId)))
    .limit(1);
  if (!run) throw notFound("run");
  return { run };
}
