/**
 * Persists a run's progress as the engine reports it, cheaply: hooks only queue a change,
 * and one writer flushes everything queued so far in a single statement (node upserts, log
 * inserts, the run's heartbeat and, on PostgreSQL, the cross-process notification), while
 * the next batch accumulates. Batches are written strictly in order, so what is in the
 * database is always a prefix of what happened: a node's SUCCESS is never stored before
 * the SUCCESS of the upstream node it consumed. Live events are published after the write.
 *
 * A database that does not answer does not stop the run: what could not be written is kept,
 * merged with what comes after, and written in one statement when the database is back (up to
 * `outageToleranceMs`; the statement is safe to repeat). Model calls in flight are not thrown away.
 */
import { getTableColumns } from "drizzle-orm";
import type { TUsage } from "@/contracts/usage";
import { createId } from "@/lib/ids";
import type { LogEvent, NodeFinishEvent, NodeStartEvent, NodeStatus } from "@/engine";
import type { DatabaseHandle } from "../db/client";
import { executionLogs, nodeResults } from "../db/schema";
import { retryWhileUnavailable } from "../db/outage";
import { encodeNotice, notifySql } from "../events/remote-notice";
import { publishRunEvents, type LogRow, type NodeRow, type RunEvent } from "../events/run-events";
import { HEARTBEAT_SQL, columnNames, jsonRows, queryPrepared, setFromExcluded } from "./run-sql";

/** What a node write sets: every column of its row but the run id and the row's own timestamps. */
const { runId: _runId, createdAt: _createdAt, updatedAt: _updatedAt, ...NODE_WRITE } = getTableColumns(nodeResults);
/** What an upsert overwrites: all of it but the row's identity. */
const { id: _id, nodeId: _nodeId, ...NODE_UPDATE } = NODE_WRITE;
/** What a log write sets (`seq` is the table's). */
const { seq: _seq, runId: _logRunId, ...LOG_WRITE } = getTableColumns(executionLogs);

const nodeRows = jsonRows("$2", NODE_WRITE);
const logRows = jsonRows("$3", LOG_WRITE, "o integer");

const FLUSH_SQL = `
WITH n AS (
  INSERT INTO node_results (run_id, ${columnNames(NODE_WRITE)})
  SELECT $1, ${nodeRows.fields} FROM ${nodeRows.from}
  ON CONFLICT (run_id, node_id) DO UPDATE SET ${setFromExcluded(NODE_UPDATE)}, updated_at = now()
  RETURNING 1
), l AS (
  INSERT INTO execution_logs (run_id, ${columnNames(LOG_WRITE)})
  SELECT $1, ${logRows.fields} FROM ${logRows.from}
  ORDER BY x.o
  ON CONFLICT (id) DO NOTHING -- written before, its answer lost in an outage
  RETURNING id, seq
), h AS (
  ${HEARTBEAT_SQL}
)
SELECT (SELECT count(*) FROM h)::int AS alive,
  (SELECT count(*) FROM n)::int AS nodes,
  (SELECT json_agg(json_build_array(id, seq)) FROM l) AS seqs,
  ${notifySql("$4", "(SELECT json_build_array(min(seq), max(seq))::text FROM l HAVING count(*) > 0)")}`;

type NodeWrite = Omit<NodeRow, "runId" | "createdAt" | "updatedAt"> & { id: string };
/** A log line as written: `o` keeps the order of lines queued in one batch. */
type LogWrite = Omit<LogRow, "seq" | "runId"> & { o: number };

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
  /** Called once if a write fails for good; later changes are not written. */
  onFailure?: (error: Error) => void;
  /** How long writes are retried while the database does not answer (default: not at all). */
  outageToleranceMs?: number;
  /** Called when a write finds the database not answering, and again once it is written after all. */
  onOutage?: (state: "waiting" | "recovered", error?: unknown) => void;
  /** What a node's model calls used in this run, written with its final status (the run's meter). */
  usageOf?: (nodeId: string) => TUsage | null;
}

export class RunRecorder {
  private batch: Batch = emptyBatch();
  private flushing: Promise<void> | undefined;
  private readonly nodeIds: Map<string, string>;
  private logOrder = 0;
  private failure: Error | undefined;
  /** Changes queued and written so far, and who waits for a count to be written (`settled`). */
  private queued = 0;
  private written = 0;
  private waiters: { upTo: number; resolve: () => void }[] = [];

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
      usage: null,
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
      usage: this.options.usageOf?.(event.nodeId) ?? null,
      cacheKey: event.cacheKey ?? null,
      cached: event.cached,
      startedAt: event.startedAt ?? null,
      completedAt: event.completedAt,
      durationMs: event.durationMs ?? null,
    });
  }

  log(event: LogEvent): void {
    const row: LogRow = {
      id: createId(),
      seq: 0, // known once written
      runId: this.runId,
      level: event.level,
      message: event.message,
      nodeId: event.nodeId ?? null,
      metadata: event.metadata ?? null,
      timestamp: new Date(),
    };
    const { seq: _seq, runId: _runId, ...write } = row;
    this.batch.logs.push({ ...write, o: this.logOrder++ });
    this.batch.events.push({ type: "log", row });
    this.queued++;
    this.kick();
  }

  /** Touches the run's heartbeat while nothing else is being written (a long model call). */
  async heartbeat(): Promise<void> {
    if (this.flushing || this.failure) return;
    const rows = await queryPrepared(this.handle, "galaxy_run_heartbeat", HEARTBEAT_SQL, [this.runId]);
    if (rows.length === 0) this.options.onRunNotRunning?.();
  }

  /** Resolves once every change queued so far is written, or writing failed; never rejects. */
  settled(): Promise<void> {
    if (this.written >= this.queued || this.failure) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ upTo: this.queued, resolve }));
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
    putNode(batch.nodes, write);
    batch.transitions.push({ i: write.nodeId, s: write.status });
    batch.events.push({ type: "node", row: { ...write, runId: this.runId } });
    this.queued++;
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
    // Let what the current turn of the event loop queues come first — a node's finish and the
    // start of the next one it feeds are a few promise hops apart: one statement per burst.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.batch.events.length > 0 && !this.failure) {
      const batch = await this.writePending();
      if (!batch) return;
      publishRunEvents(this.runId, batch.events);
      this.wake((this.written += batch.events.length));
    }
  }

  /** Writes everything queued, riding out an outage; the batch written, or undefined when writing failed for good. */
  private async writePending(): Promise<Batch | undefined> {
    let batch = this.takeBatch();
    let waited = false;
    try {
      await retryWhileUnavailable(
        () => {
          // On a retry, what was queued meanwhile goes in the same statement, after it.
          if (waited) batch = mergeBatches(batch, this.takeBatch());
          return this.write(batch);
        },
        {
          toleranceMs: this.options.outageToleranceMs ?? 0,
          onOutage: (error) => {
            waited = true;
            this.options.onOutage?.("waiting", error);
          },
        },
      );
    } catch (error) {
      this.failure = error instanceof Error ? error : new Error(String(error));
      this.options.onFailure?.(this.failure);
      this.wake(Infinity);
      return undefined;
    }
    if (waited) this.options.onOutage?.("recovered");
    return batch;
  }

  private takeBatch(): Batch {
    const batch = this.batch;
    this.batch = emptyBatch();
    return batch;
  }

  private wake(written: number): void {
    if (this.waiters.length === 0) return;
    const ready = this.waiters.filter((w) => w.upTo <= written);
    this.waiters = this.waiters.filter((w) => w.upTo > written);
    for (const w of ready) w.resolve();
  }

  private async write(batch: Batch): Promise<void> {
    const notice = encodeNotice(this.handle, { r: this.runId, ...(batch.transitions.length > 0 && { n: batch.transitions }) });
    const [row] = await queryPrepared<{ alive: number; seqs: [string, number | string][] | null }>(this.handle, "galaxy_run_flush", FLUSH_SQL, [
      this.runId,
      JSON.stringify(batch.nodes),
      JSON.stringify(batch.logs),
      notice,
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

/** `later` after `earlier`: one upsert per node (its latest state), every transition, line and event in order. */
function mergeBatches(earlier: Batch, later: Batch): Batch {
  const nodes = [...earlier.nodes];
  for (const write of later.nodes) putNode(nodes, write);
  return {
    nodes,
    transitions: [...earlier.transitions, ...later.transitions],
    logs: [...earlier.logs, ...later.logs],
    events: [...earlier.events, ...later.events],
  };
}

/** One upsert per node per statement (Postgres refuses to update a row twice in one INSERT … ON CONFLICT): the latest wins. */
function putNode(nodes: NodeWrite[], write: NodeWrite): void {
  const at = nodes.findIndex((n) => n.nodeId === write.nodeId);
  if (at >= 0) nodes[at] = write;
  else nodes.push(write);
}
