/**
 * Live run events inside this process: node, run and log changes, text streamed by nodes
 * (deltas), plus cancel requests. Writers publish after their rows are committed, so a
 * subscriber that re-reads the database never sees less than an event announced (deltas are
 * never stored: `live-text.ts` keeps the text so far). Kept on `globalThis`: Next.js bundles
 * the worker (instrumentation) and each route separately, and they must share one bus.
 * Events from other processes arrive through `pg-event-bridge.ts` (Postgres LISTEN/NOTIFY).
 */
import { EventEmitter } from "node:events";
import { isFinalRunStatus } from "@/engine";
import { randomUUID } from "node:crypto";
import { getTableColumns } from "drizzle-orm";
import type { TNodeTextDelta } from "@/contracts/run-events";
import { workflowRuns, type ExecutionLog, type NodeResult, type WorkflowRun } from "../db/schema";
import { trackLiveText } from "./live-text";

/**
 * A run row as published: without `input` (the graph snapshot can be large) and without
 * `errorStack` (server-side only: never sent to a client).
 */
export type RunRow = Omit<WorkflowRun, "input" | "errorStack">;
const { input: _input, errorStack: _errorStack, ...runRowColumns } = getTableColumns(workflowRuns);
/** The columns of a `RunRow`, for selects that read one. */
export const RUN_ROW_COLUMNS = runRowColumns;
/** A node result row; `id`, `createdAt` and `updatedAt` may be absent on the hot path. */
export type NodeRow = Omit<NodeResult, "id" | "createdAt" | "updatedAt"> & Partial<Pick<NodeResult, "id" | "createdAt" | "updatedAt">>;
export type LogRow = ExecutionLog;

export type NodeTextDelta = TNodeTextDelta;

export type RunEvent =
  | { type: "node"; row: NodeRow }
  | { type: "run"; row: RunRow }
  | { type: "log"; row: LogRow }
  | { type: "delta"; delta: NodeTextDelta };

type RunListener = (event: RunEvent) => void;
type CancelListener = (runId: string) => void;

interface Bus {
  emitter: EventEmitter;
  /** Identifies this process in cross-process notifications (so it ignores its own). */
  origin: string;
  /** Runs whose final status was published here, and when (oldest first). */
  ended: Map<string, number>;
}

const holder = globalThis as unknown as { __galaxyRunBus?: Bus };

function bus(): Bus {
  if (!holder.__galaxyRunBus) {
    const emitter = new EventEmitter();
    emitter.setMaxListeners(0);
    holder.__galaxyRunBus = { emitter, origin: randomUUID(), ended: new Map() };
  }
  return holder.__galaxyRunBus;
}

export function processOrigin(): string {
  return bus().origin;
}

/** How long this process remembers that a run ended here (for a waiter that subscribes late). */
const ENDED_MEMORY_MS = 60_000;

function noteEnded(runId: string): void {
  const endedHere = bus().ended;
  const now = Date.now();
  endedHere.delete(runId);
  endedHere.set(runId, now);
  // Oldest first (insertion order): forget what is past the memory.
  for (const [id, at] of endedHere) {
    if (now - at <= ENDED_MEMORY_MS) break;
    endedHere.delete(id);
  }
}

/** True when this process published the run's final status within the last minute. */
export function runEndedHere(runId: string): boolean {
  return bus().ended.has(runId);
}

/** Delivers events to this process's subscribers of `runId`, in order; keeps streamed text so far, watched or not. */
export function publishRunEvents(runId: string, events: readonly RunEvent[]): void {
  for (const event of events) {
    trackLiveText(runId, event);
    if (event.type === "run" && isFinalRunStatus(event.row.status)) noteEnded(runId);
  }
  const { emitter } = bus();
  if (events.length === 0 || emitter.listenerCount(`run:${runId}`) === 0) return;
  for (const event of events) emitter.emit(`run:${runId}`, event);
}

export function hasRunSubscribers(runId: string): boolean {
  return bus().emitter.listenerCount(`run:${runId}`) > 0;
}

/** Calls `listener` for every event of `runId` published in this process; returns the unsubscribe. */
export function subscribeRunEvents(runId: string, listener: RunListener): () => void {
  const { emitter } = bus();
  emitter.on(`run:${runId}`, listener);
  return () => emitter.off(`run:${runId}`, listener);
}

/** Asks whoever executes `runId` in this process to abort it. */
export function publishCancelRequest(runId: string): void {
  bus().emitter.emit("cancel", runId);
}

export function onCancelRequest(listener: CancelListener): () => void {
  const { emitter } = bus();
  emitter.on("cancel", listener);
  return () => emitter.off("cancel", listener);
}

/** Wakes this process's job worker (a job was just enqueued). */
export function publishJobWake(): void {
  bus().emitter.emit("jobs");
}

export function onJobWake(listener: () => void): () => void {
  const { emitter } = bus();
  emitter.on("jobs", listener);
  return () => emitter.off("jobs", listener);
}

/** A run row as published (see `RunRow`). */
export function toRunRow(run: WorkflowRun | RunRow): RunRow {
  const { input: _input, errorStack: _errorStack, ...rest } = run as WorkflowRun;
  return rest;
}
