/**
 * Carries run events between processes on PostgreSQL, the receiving side: writers send a
 * small notice (ids and statuses, never outputs; see `remote-notice.ts`) in the same statement
 * as their write, and every process LISTENs on one dedicated connection. On a notification
 * for a run someone here is watching, the bridge re-reads the rows it names and publishes them
 * on the in-process bus. A notice carrying streamed text (a delta) is published as it is,
 * watched or not, so this process knows the text so far (`live-text.ts`) when a client
 * connects mid-stream. PGlite serves one process, so the in-process bus is all it needs.
 */
import { Client } from "pg";
import { and, eq, gte, inArray, lte, asc } from "drizzle-orm";
import type { DatabaseHandle } from "../db/client";
import { executionLogs, nodeResults, workflowRuns } from "../db/schema";
import { logger, withoutLogContext } from "../log";
import { forgetLiveText } from "./live-text";
import { EVENTS_CHANNEL, type RemoteNotice } from "./remote-notice";
import {
  RUN_ROW_COLUMNS,
  hasRunSubscribers,
  processOrigin,
  publishCancelRequest,
  publishJobWake,
  publishRunEvents,
  type RunEvent,
} from "./run-events";

interface Bridge {
  client?: Client;
  stopped: boolean;
  chain: Promise<void>;
  handle: DatabaseHandle;
  ready: Promise<void>;
  /** Reconnection attempts that failed in a row (the database down). */
  failedReconnects: number;
}

const holder = globalThis as unknown as { __galaxyEventBridge?: Bridge };

/** Starts (once per process) listening for other processes' notices. Postgres only. */
export function ensureEventBridge(handle: DatabaseHandle): Promise<void> {
  if (handle.kind !== "postgres" || !handle.connectionString) return Promise.resolve();
  const existing = holder.__galaxyEventBridge;
  if (existing && !existing.stopped && existing.handle === handle) return existing.ready;
  const bridge: Bridge = { stopped: false, chain: Promise.resolve(), handle, ready: Promise.resolve(), failedReconnects: 0 };
  holder.__galaxyEventBridge = bridge;
  // Possibly opened by a request (an SSE stream): the listener's lines must not carry its id.
  bridge.ready = withoutLogContext(() => connect(bridge));
  return bridge.ready;
}

export async function stopEventBridge(): Promise<void> {
  const bridge = holder.__galaxyEventBridge;
  holder.__galaxyEventBridge = undefined;
  if (!bridge) return;
  bridge.stopped = true;
  await bridge.client?.end().catch(() => undefined);
}

async function connect(bridge: Bridge): Promise<void> {
  const log = logger("events");
  const client = new Client({ connectionString: bridge.handle.connectionString });
  bridge.client = client;
  const reconnect = () => {
    if (bridge.stopped || bridge.client !== client) return;
    bridge.client = undefined;
    client.end().catch(() => undefined);
    setTimeout(() => {
      if (bridge.stopped) return;
      connect(bridge)
        .then(() => {
          if (bridge.failedReconnects > 0) log.info(`listener reconnected after ${bridge.failedReconnects} failed attempt(s)`);
          bridge.failedReconnects = 0;
        })
        .catch((error: unknown) => {
          // Once per outage (and every minute of it), not every second.
          if (bridge.failedReconnects++ % 60 === 0) log.warn(`could not reconnect the listener (${(error as Error)?.message ?? String(error)}); trying every second`);
        });
    }, 1_000).unref();
  };
  client.on("error", (error) => {
    log.error({ err: error }, "listener connection error");
    reconnect();
  });
  client.on("end", reconnect);
  client.on("notification", (message) => {
    if (message.channel !== EVENTS_CHANNEL || !message.payload) return;
    let notice: RemoteNotice;
    try {
      notice = JSON.parse(message.payload) as RemoteNotice;
    } catch {
      return;
    }
    if (notice.o === processOrigin()) return;
    // One at a time, so events of a run are published in the order they were written.
    bridge.chain = bridge.chain.then(() => handleNotice(bridge.handle, notice)).catch((error: unknown) => {
      log.child({ runId: notice.r }).error({ err: error }, "could not relay a notification");
    });
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${EVENTS_CHANNEL}`);
  } catch (error) {
    // The database is down (an outage, a restart): keep trying every second until it answers.
    reconnect();
    throw error;
  }
}

async function handleNotice(handle: DatabaseHandle, notice: RemoteNotice): Promise<void> {
  if (notice.jobs) publishJobWake();
  const runId = notice.r;
  if (!runId) return;
  if (notice.cancel) publishCancelRequest(runId);
  if (notice.d) {
    publishRunEvents(runId, [{ type: "delta", delta: { nodeId: notice.d.i, attempt: notice.d.a, text: notice.d.t } }]);
  }
  if (!hasRunSubscribers(runId)) {
    // Nobody here reads the rows; a node's transition still ends its text so far (see live-text.ts).
    for (const t of notice.n ?? []) forgetLiveText(runId, t.i);
    return;
  }
  const events: RunEvent[] = [];
  const db = handle.db;
  if (notice.n && notice.n.length > 0) {
    const ids = [...new Set(notice.n.map((t) => t.i))];
    const rows = await db.select().from(nodeResults).where(and(eq(nodeResults.runId, runId), inArray(nodeResults.nodeId, ids)));
    const byId = new Map(rows.map((row) => [row.nodeId, row]));
    for (const transition of notice.n) {
      const row = byId.get(transition.i);
      if (!row) continue;
      // The row may already be past this transition (RUNNING then SUCCESS in one write): report the step as it was.
      events.push({
        type: "node",
        row: row.status === transition.s ? row : { ...row, status: transition.s, output: null, error: null, completedAt: null, durationMs: null },
      });
    }
  }
  if (notice.nAll) {
    const rows = await db.select().from(nodeResults).where(eq(nodeResults.runId, runId));
    for (const row of rows) events.push({ type: "node", row });
  }
  if (notice.l && notice.l[0] !== null) {
    const [from, to] = notice.l;
    const logs = await db
      .select()
      .from(executionLogs)
      .where(and(eq(executionLogs.runId, runId), gte(executionLogs.seq, from), lte(executionLogs.seq, to)))
      .orderBy(asc(executionLogs.seq));
    for (const row of logs) events.push({ type: "log", row });
  }
  if (notice.run) {
    const [run] = await db.select(RUN_ROW_COLUMNS).from(workflowRuns).where(eq(workflowRuns.id, runId));
    if (run) events.push({ type: "run", row: run });
  }
  publishRunEvents(runId, events);
}
