/**
 * Persists a run's progress as the engine reports it, cheaply: hooks only queue a change,
 * and one writer flushes everything queued so far in a single statement (node upserts, log
 * inserts, the run's heartbeat and, on PostgreSQL, the cross-process notification), while
 * the next batch accumulates. Batches are written strictly in order, so what is in the
 * database is always a prefix of what happened: a node's SUCCESS is never stored before
 * the SUCCESS of the upstream node it consumed. Live events are published after the write.
 */
import { createId } from "@/lib/ids";
import type { LogEvent, NodeFinishEvent, NodeStartEvent } from "@/engine";
import type { DatabaseHandle } from "../db/client";
import type { NodeStatus } from "../db/schema";
import { EVENTS_CHANNEL, type RemoteNotice } from "../events/pg-event-bridge";
import { processOrigin, publishRunEvents, type LogRow, type NodeRow, type RunEvent } from "../events/run-events";
import { queryPrepared } from "./run-sql";

const FLUSH_SQL = `
WITH nv AS (
  SELECT * FROM jsonb_to_recordset($2::jsonb) AS x(
    id text, "nodeId" text, "nodeType" text, status node_status, input jsonb, output jsonb, error text, meta jsonb,
    "cacheKey" text, cached boolean, "startedAt" timestamptz, "completedAt" timestamptz, "durationMs" integer)
), n AS (
  INSERT INTO node_results (id, run_id, node_id, node_type, status, input, output, error, meta, cache_key, cached, started_at, completed_at, duration_ms)
  SELECT id, $1, "nodeId", "nodeType", status, input, output, error, meta, "cacheKey", coalesce(cached, false), "startedAt", "completedAt", "durationMs" FROM nv
  ON CONFLICT (run_id, node_id) DO UPDATE SET node_type = excluded.node_type, status = excluded.status, input = excluded.input,
    output = excluded.output, error = excluded.error, meta = excluded.meta, cache_key = excluded.cache_key, cached = excluded.cached,
    started_at = excluded.started_at, completed_at = excluded.completed_at, duration_ms = excluded.duration_ms, updated_at = now()
  RETURNING 1
), l AS (
  INSERT INTO execution_logs (id, run_id, level, message, node_id, metadata, timestamp)
  SELECT x.id, $1, x.level, x.message, x."nodeId", x.metadata, x.ts
  FROM jsonb_to_recordset($3::jsonb) AS x(id text, level log_level, message text, "nodeId" text, metadata jsonb, ts timestamptz, o integer)
  ORDER BY x.o
  RETURNING id, seq
), h AS (
  UPDATE workflow_runs SET updated_at = now() WHERE id = $1 AND status = 'RUNNING' RETURNING 1
)
SELECT (SELECT count(*) FROM h)::int AS alive,
  (SELECT count(*) FROM n)::int AS nodes,
  (SELECT json_agg(json_build_array(id, seq)) FROM l) AS seqs,
  CASE WHEN $4::jsonb IS NULL THEN NULL ELSE pg_notify('${EVENTS_CHANNEL}',
    ($4::jsonb || jsonb_build_object('l', (SELECT CASE WHEN count(*) = 0 THEN NULL ELSE jsonb_build_array(min(seq), max(seq)) END FROM l)))::text) END AS notified`;

const HEARTBEAT_SQL = `UPDATE workflow_runs SET updated_at = now() WHERE id = $1 AND status = 'RUNNING' RETURNING 1`;

type NodeWrite = Omit<NodeRow, "runId" | "createdAt" | "updatedAt"> & { id: string };
interface LogWrite {
  id: string;
  level: LogRow["level"];
  message: string;
  nodeId: string | null;
  metadata: Record<string, unknown> | null;
  ts: Date;
  o: number;
}

interface Batch {
  nodes: NodeWrite[];
  transitions: { i: string; s: NodeStatus }[];
  logs: LogWrite[];
  events: RunEvent[];
}

export interface RunRecorderOptions {
  /** Ids of node result rows that already exist for this run (resume), so events carry the stored id. */
  existingIds?: Map<string, string>;
  /** Called when a write finds the run no longer RUNNING (canceled, or failed by the sweeper). */
  onRunNotRunning?: () => void;
  /** Called once if a write fails; later changes are not written. */
  onFailure?: (error: Error) => void;
}

export class RunRecorder {
  private batch: Batch = emptyBatch();
  private flushing: Promise<void> | undefined;
  private readonly nodeIds: Map<string, string>;
  private logOrder = 0;
  private failure: Error | undefined;

  constructor(
    private readonly handle: DatabaseHandle,
    private readonly runId: string,
    private readonly options: RunRecorderOptions = {},
  ) {
    this.nodeIds = options.existingIds ?? new Map();
  }

  nodeStart(event: NodeStartEvent): void {
    this.queueNode({
      id: this.rowId(event.nodeId),
      nodeId: event.nodeId,
      nodeType: event.nodeType,
      status: "RUNNING",
      input: event.input,
      output: null,
      error: null,
      meta: event.attempt > 1 ? { attempt: event.attempt } : null,
      cacheKey: event.cacheKey,
      cached: false,
      startedAt: event.startedAt,
      completedAt: null,
      durationMs: null,
    });
  }

  nodeFinish(event: NodeFinishEvent): void {
    const meta = event.meta !== undefined || event.attempts > 1 ? { ...event.meta, attempts: event.attempts } : null;
    this.queueNode({
      id: this.rowId(event.nodeId),
      nodeId: event.nodeId,
      nodeType: event.nodeType,
      status: event.status,
      input: event.input ?? null,
      output: event.outputs ?? null,
      error: event.error ?? null,
      meta,
      cacheKey: event.cacheKey ?? null,
      cached: event.cached,
      startedAt: event.startedAt ?? null,
      completedAt: event.completedAt,
      durationMs: event.durationMs ?? null,
    });
  }

  log(event: LogEvent): void {
    const write: LogWrite = {
      id: createId(),
      level: event.level,
      message: event.message,
      nodeId: event.nodeId ?? null,
      metadata: event.metadata ?? null,
      ts: new Date(),
      o: this.logOrder++,
    };
    this.batch.logs.push(write);
    this.batch.events.push({
      type: "log",
      row: { id: write.id, seq: 0, runId: this.runId, level: write.level, message: write.message, nodeId: write.nodeId, metadata: write.metadata, timestamp: write.ts },
    });
    this.kick();
  }

  /** Touches the run's heartbeat while nothing else is being written (a long model call). */
  async heartbeat(): Promise<void> {
    if (this.flushing || this.failure) return;
    const rows = await queryPrepared(this.handle, "galaxy_run_heartbeat", HEARTBEAT_SQL, [this.runId]);
    if (rows.length === 0) this.options.onRunNotRunning?.();
  }

  /** Resolves when everything queued so far is written; rejects with the first write failure. */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.failure) throw this.failure;
  }

  private rowId(nodeId: string): string {
    let id = this.nodeIds.get(nodeId);
    if (!id) {
      id = createId();
      this.nodeIds.set(nodeId, id);
    }
    return id;
  }

  private queueNode(write: NodeWrite): void {
    const batch = this.batch;
    // One upsert per node per statement (Postgres refuses to update a row twice in one INSERT … ON CONFLICT).
    const at = batch.nodes.findIndex((n) => n.nodeId === write.nodeId);
    if (at >= 0) batch.nodes[at] = write;
    else batch.nodes.push(write);
    batch.transitions.push({ i: write.nodeId, s: write.status });
    batch.events.push({ type: "node", row: { ...write, runId: this.runId } });
    this.kick();
  }

  private kick(): void {
    if (this.flushing || this.failure) return;
    this.flushing = this.flushLoop().finally(() => {
      this.flushing = undefined;
      if (this.batch.events.length > 0) this.kick();
    });
  }

  private async flushLoop(): Promise<void> {
    // Let the hooks of the current tick queue up first: one statement per burst, not per change.
    await Promise.resolve();
    while (this.batch.events.length > 0 && !this.failure) {
      const batch = this.batch;
      this.batch = emptyBatch();
      try {
        await this.write(batch);
      } catch (error) {
        this.failure = error instanceof Error ? error : new Error(String(error));
        this.options.onFailure?.(this.failure);
        return;
      }
      publishRunEvents(this.runId, batch.events);
    }
  }

  private async write(batch: Batch): Promise<void> {
    let notice: Omit<RemoteNotice, "l"> | null = null;
    if (this.handle.kind === "postgres") {
      notice = { o: processOrigin(), r: this.runId, ...(batch.transitions.length > 0 && { n: batch.transitions }) };
      // NOTIFY payloads are capped at 8,000 bytes: past that, ask listeners to re-read every node.
      if (JSON.stringify(notice).length > 7_000) notice = { o: processOrigin(), r: this.runId, nAll: 1 };
    }
    const [row] = await queryPrepared<{ alive: number; seqs: [string, number | string][] | null }>(this.handle, "galaxy_run_flush", FLUSH_SQL, [
      this.runId,
      JSON.stringify(batch.nodes),
      JSON.stringify(batch.logs),
      notice === null ? null : JSON.stringify(notice),
    ]);
    if (row?.seqs) {
      const seqById = new Map(row.seqs.map(([id, seq]) => [id, Number(seq)]));
      for (const event of batch.events) if (event.type === "log") event.row.seq = seqById.get(event.row.id) ?? 0;
    }
    if (row && row.alive === 0) this.options.onRunNotRunning?.();
  }
}

function emptyBatch(): Batch {
  return { nodes: [], transitions: [], logs: [], events: [] };
}
