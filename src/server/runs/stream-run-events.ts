/**
 * Live progress of one run as Server-Sent Events (`GET /api/execute/{runId}/events`).
 *
 * Format (UTF-8, `Content-Type: text/event-stream`), every `data:` is one line of JSON, shaped
 * by the presenters to the schemas of `RUN_STREAM_EVENTS` (`src/contracts/run-events.ts`):
 *
 *   event: snapshot
 *   data: {"run": <run>, "nodeResults": [<node>, …]}
 *       sent first: the run row (without `input`) and every node result stored so far; a node
 *       still RUNNING that has streamed text carries its text so far in `output.output` and its
 *       attempt in `meta.attempt` (known to this process since it started listening: see
 *       `events/live-text.ts`).
 *   event: node
 *   data: <node>
 *       a node result changed: {id, runId, nodeId, nodeType, status, input, output, error, meta,
 *       usage, cacheKey, cached, startedAt, completedAt, durationMs}; `usage` (an LLM node's
 *       tokens and cost in this run) comes with its final status. One event per transition, in order
 *       (RUNNING, then SUCCESS | FAILED | SKIPPED; a retried node may go RUNNING again). Treat it
 *       as an upsert keyed by `nodeId`. A RUNNING event relayed from another process may carry
 *       `output: null` even if the row has since moved on; the next event brings the final row.
 *   event: delta
 *   data: {"nodeId": "…", "attempt": 1, "text": "<appended text>"}
 *       text a RUNNING node streams (an LLM's answer), at most ~20 events a second per node,
 *       after the node's RUNNING event and before its final one: append it to the node's text; a
 *       higher `attempt` (a retry) starts the text over, as does a RUNNING event (a run resumed
 *       by another worker counts attempts from 1 again). The node's final `node` event carries
 *       the whole answer (or, canceled or failed, the partial text with `meta.partial: true`)
 *       and replaces it. A cancel ends the stream at once: the canceled node's partial text is
 *       then in the run's stored results (`GET /api/execute/{runId}`) moments later.
 *   event: run
 *   data: <run>
 *       the run row changed (RUNNING, then COMPLETED | FAILED | CANCELED), without `input`;
 *       the final one carries the run's `usage` and, stopped by a budget, `errorCode`.
 *   event: log
 *   data: {id, seq, runId, level, message, nodeId, metadata, timestamp}
 *       an execution log line; order by `seq`, dedupe by `id`.
 *   event: end
 *   data: {"status": "COMPLETED" | "FAILED" | "CANCELED"}
 *       the run is final; the server closes the stream after it.
 *   : ping
 *       a comment every 15 s, to keep proxies from closing an idle stream.
 *
 * Timestamps are ISO-8601 strings. Events are sent within a few milliseconds of being written
 * (same process) or of the PostgreSQL notification (another worker process). Events that
 * happened while the snapshot was read may be sent again after it: apply them idempotently.
 * The stream ends when the run is final or the client disconnects. Another user's run → 404.
 */
import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { RunStreamEventName, TRunStreamEvent } from "@/contracts/run-events";
import { isFinalRunStatus } from "@/engine";
import { getDatabase } from "../db";
import { nodeResults, workflowRuns } from "../db/schema";
import { notFound } from "../http/errors";
import { ensureEventBridge } from "../events/pg-event-bridge";
import { liveTextOf } from "../events/live-text";
import { RUN_ROW_COLUMNS, subscribeRunEvents, type RunEvent } from "../events/run-events";
import { logger } from "../log";
import { toPublicLog } from "./to-public-log";
import { toNodeResultEvent, toPublicNodeResult } from "./to-public-node-result";
import { toPublicRunRow } from "./to-public-run";

const PING_MS = 15_000;
/**
 * Safety net when a cross-process notification was missed: look at the run's status this often
 * (its status only, by primary key: every open stream pays it); its row is read once it is final.
 */
const RECHECK_MS = 2_000;

export async function openRunEventStream(userId: string, runId: string, clientSignal?: AbortSignal): Promise<Response> {
  const handle = await getDatabase();
  const { db } = handle;
  // The run as published: never its graph snapshot (`input`), which can be large.
  const owned = async () =>
    (await db.select(RUN_ROW_COLUMNS).from(workflowRuns).where(and(eq(workflowRuns.id, runId), eq(workflowRuns.userId, userId))).limit(1))[0];
  const statusNow = async () => (await db.select({ status: workflowRuns.status }).from(workflowRuns).where(eq(workflowRuns.id, runId)))[0]?.status;
  if (!(await owned())) throw notFound("run");
  await ensureEventBridge(handle);

  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let ready = false;
      const pending: RunEvent[] = [];
      const write = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const send = <E extends RunStreamEventName>(event: E, data: TRunStreamEvent<E>) =>
        write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      const close = () => {
        if (closed) return;
        closed = true;
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      const deliver = (event: RunEvent) => {
        if (event.type === "node") send("node", toNodeResultEvent(event.row));
        else if (event.type === "delta") send("delta", { nodeId: event.delta.nodeId, attempt: event.delta.attempt, text: event.delta.text });
        else if (event.type === "log") send("log", toPublicLog(event.row));
        else send("run", toPublicRunRow(event.row));
        if (event.type === "run" && isFinalRunStatus(event.row.status)) {
          send("end", { status: event.row.status });
          close();
        }
      };
      const unsubscribe = subscribeRunEvents(runId, (event) => (ready ? deliver(event) : pending.push(event)));
      const ping = setInterval(() => write(": ping\n\n"), PING_MS);
      let rechecking = false;
      const recheck = setInterval(() => {
        if (rechecking || !ready) return;
        rechecking = true;
        void (async () => {
          const status = await statusNow();
          if (closed) return;
          if (status === undefined) return close(); // the run is gone (its owner was deleted)
          if (!isFinalRunStatus(status)) return;
          const run = await owned();
          if (!closed && run) deliver({ type: "run", row: run });
        })()
          .catch(() => undefined)
          .finally(() => (rechecking = false));
      }, RECHECK_MS);
      const onAbort = () => close();
      clientSignal?.addEventListener("abort", onAbort, { once: true });
      cleanup = () => {
        unsubscribe();
        clearInterval(ping);
        clearInterval(recheck);
        clientSignal?.removeEventListener("abort", onAbort);
      };

      void (async () => {
        try {
          const run = await owned();
          const nodes = await db.select().from(nodeResults).where(eq(nodeResults.runId, runId)).orderBy(asc(nodeResults.createdAt));
          if (!run) return close();
          const live = liveTextOf(runId);
          const streaming = new Set(nodes.filter((n) => n.status === "RUNNING" && live.has(n.nodeId)).map((n) => n.nodeId));
          const withText = (row: (typeof nodes)[number]) => {
            const so = streaming.has(row.nodeId) ? live.get(row.nodeId) : undefined;
            return so ? { ...row, output: { output: so.text }, meta: { ...(row.meta as object | null), attempt: so.attempt } } : row;
          };
          send("snapshot", { run: toPublicRunRow(run), nodeResults: nodes.map((row) => toPublicNodeResult(withText(row))) });
          if (isFinalRunStatus(run.status)) {
            send("end", { status: run.status });
            return close();
          }
          ready = true;
          // The snapshot's text so far already holds the deltas that came while it was read.
          const stale = (event: RunEvent) => event.type === "delta" && streaming.has(event.delta.nodeId);
          for (const event of pending.splice(0)) if (!closed && !stale(event)) deliver(event);
        } catch (error) {
          logger("events").error({ runId, err: error }, "could not send the run's snapshot");
          close();
        }
      })();
    },
    cancel() {
      cleanup();
    },
  });

  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}
