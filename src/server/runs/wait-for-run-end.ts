/**
 * Waits until a run is final (COMPLETED, FAILED or CANCELED) or the time is up: listens to
 * the run's events, with a slow poll as a safety net. Resolves true when the run ended.
 * A run executing in this process (`executingHere`) publishes its end on this process's bus,
 * which remembers it: no read is needed to learn it ended before the wait began.
 */
import "server-only";
import { eq } from "drizzle-orm";
import { isFinalRunStatus } from "@/engine";
import { getDatabase } from "../db";
import { workflowRuns } from "../db/schema";
import { ensureEventBridge } from "../events/pg-event-bridge";
import { runEndedHere, subscribeRunEvents } from "../events/run-events";

export async function waitForRunEnd(
  runId: string,
  timeoutMs: number,
  signal?: AbortSignal,
  options: { executingHere?: boolean } = {},
): Promise<boolean> {
  const handle = await getDatabase();
  if (!options.executingHere) await ensureEventBridge(handle);
  return new Promise<boolean>((resolve) => {
    let settled = false;
    const finish = (ended: boolean) => {
      if (settled) return;
      settled = true;
      unsubscribe();
      clearTimeout(timer);
      clearInterval(poll);
      signal?.removeEventListener("abort", onAbort);
      resolve(ended);
    };
    const unsubscribe = subscribeRunEvents(runId, (event) => {
      if (event.type === "run" && isFinalRunStatus(event.row.status)) finish(true);
    });
    const check = async () => {
      const [row] = await handle.db.select({ status: workflowRuns.status }).from(workflowRuns).where(eq(workflowRuns.id, runId));
      if (!row || isFinalRunStatus(row.status)) finish(true);
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    const poll = setInterval(() => void check().catch(() => undefined), 1_000);
    const onAbort = () => finish(false);
    signal?.addEventListener("abort", onAbort, { once: true });
    // The run may have ended before we subscribed.
    if (!options.executingHere) void check().catch(() => undefined);
    else if (runEndedHere(runId)) finish(true);
  });
}
