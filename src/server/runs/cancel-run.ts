/**
 * Cancels one of the caller's runs. A QUEUED or RUNNING run becomes CANCELED at once, by
 * compare-and-set, so the answer holds even if its worker is gone; the worker executing it
 * (in this process, or another one through a notice) aborts its in-flight nodes — model
 * requests get the abort — and only adds the outputs it had. A final run is left as it is.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import { getDatabase } from "../db";
import { workflowRuns } from "../db/schema";
import { notFound } from "../http/errors";
import { notifyRemote } from "../events/pg-event-bridge";
import { publishCancelRequest, publishRunEvents, toRunRow, type RunRow } from "../events/run-events";
import { RUN_COLUMNS } from "./run-sql";

export const CANCELED_MESSAGE = "canceled by the user";

const CANCEL_SQL = `
WITH u AS (
  UPDATE workflow_runs SET status = 'CANCELED', error_message = $3, completed_at = now(),
    duration_ms = CASE WHEN started_at IS NULL THEN NULL ELSE greatest(0, (extract(epoch FROM now() - started_at) * 1000)::int) END, updated_at = now()
  WHERE id = $1 AND user_id = $2 AND status IN ('QUEUED', 'RUNNING')
  RETURNING ${RUN_COLUMNS}
), n AS (
  UPDATE node_results SET status = 'SKIPPED', error = 'canceled', completed_at = now(), updated_at = now()
  WHERE run_id IN (SELECT id FROM u) AND status = 'RUNNING'
)
SELECT * FROM u`;

export async function cancelRun(userId: string, runId: string): Promise<{ run: RunRow }> {
  const handle = await getDatabase();
  const { rows } = await handle.executeSql(CANCEL_SQL, [runId, userId, CANCELED_MESSAGE]);
  const canceled = rows[0] as RunRow | undefined;
  if (canceled) {
    publishCancelRequest(runId);
    publishRunEvents(runId, [{ type: "run", row: canceled }]);
    await notifyRemote(handle, { r: runId, run: 1, cancel: 1 });
    return { run: canceled };
  }
  const [run] = await handle.db
    .select()
    .from(workflowRuns)
    .where(and(eq(workflowRuns.id, runId), eq(workflowRuns.userId, userId)))
    .limit(1);
  if (!run) throw notFound("run");
  return { run: toRunRow(run) };
}
