/**
 * The text so far of every node streaming in this process's view, so an SSE client that
 * connects mid-stream gets it in its snapshot. Fed by every `delta` this process publishes:
 * its own nodes' and other processes' (relayed by `pg-event-bridge.ts`, watched or not). A
 * delta with a higher attempt starts the text over. Any `node` event of the node drops it: its
 * final event carries the whole answer, and a RUNNING one (published before the deltas of the
 * attempt it starts) means the text starts over — a retry, or a run resumed by another worker,
 * whose attempts count from 1 again. The run's end drops them all. A process that starts
 * listening while a node streams cannot know what was sent before: its text so far starts at
 * the next delta.
 *
 * Bounded: past MAX_TOTAL_CHARS the least recently updated nodes are forgotten first, and a
 * node quiet for IDLE_MS is forgotten (a worker that died never sends the final event). A
 * forgotten node's snapshot shows no text so far; its deltas and final event are unaffected.
 * Kept on `globalThis`, like the bus (Next.js bundles routes separately).
 */
import { isFinalRunStatus } from "@/engine/statuses";
import type { RunEvent } from "./run-events";

export interface LiveText {
  attempt: number;
  text: string;
}

interface Entry extends LiveText {
  runId: string;
  nodeId: string;
  updatedAt: number;
}

/** About 64 MB of UTF-16 at most, whatever runs stream at once. */
const MAX_TOTAL_CHARS = 32_000_000;
const IDLE_MS = 15 * 60_000;

interface Store {
  /** Run id → node id → entry. */
  runs: Map<string, Map<string, Entry>>;
  /** Least recently updated first: a re-inserted key moves to the end. */
  order: Map<Entry, true>;
  chars: number;
}

const holder = globalThis as unknown as { __galaxyLiveText?: Store };

function store(): Store {
  return (holder.__galaxyLiveText ??= { runs: new Map(), order: new Map(), chars: 0 });
}

/** Applies a published event to the text so far. Cheap for every event that is not a delta. */
export function trackLiveText(runId: string, event: RunEvent, now: number = Date.now()): void {
  const s = store();
  if (event.type === "delta") return append(s, runId, event.delta, now);
  const nodes = s.runs.get(runId);
  if (!nodes) return;
  if (event.type === "node") forget(s, nodes.get(event.row.nodeId));
  else if (event.type === "run" && isFinalRunStatus(event.row.status))
    for (const entry of [...nodes.values()]) forget(s, entry);
}

/** The text so far of `runId`'s streaming nodes, by node id (empty when none). */
export function liveTextOf(runId: string): ReadonlyMap<string, LiveText> {
  return store().runs.get(runId) ?? new Map();
}

/** Forgets a node's text (a transition seen in a notice whose row was not read). */
export function forgetLiveText(runId: string, nodeId: string): void {
  const s = store();
  forget(s, s.runs.get(runId)?.get(nodeId));
}

function append(
  s: Store,
  runId: string,
  delta: { nodeId: string; attempt: number; text: string },
  now: number,
): void {
  let nodes = s.runs.get(runId);
  if (!nodes) s.runs.set(runId, (nodes = new Map()));
  let entry = nodes.get(delta.nodeId);
  if (entry && delta.attempt < entry.attempt) return; // a late piece of an attempt already retried
  if (!entry) {
    entry = { runId, nodeId: delta.nodeId, attempt: delta.attempt, text: "", updatedAt: now };
    nodes.set(delta.nodeId, entry);
  } else if (delta.attempt > entry.attempt) {
    s.chars -= entry.text.length;
    entry.attempt = delta.attempt;
    entry.text = "";
  }
  entry.text += delta.text;
  entry.updatedAt = now;
  s.chars += delta.text.length;
  s.order.delete(entry);
  s.order.set(entry, true);
  evict(s, now);
}

function evict(s: Store, now: number): void {
  for (const entry of s.order.keys()) {
    if (s.chars <= MAX_TOTAL_CHARS && now - entry.updatedAt < IDLE_MS) return;
    forget(s, entry);
  }
}

function forget(s: Store, entry: Entry | undefined): void {
  if (!entry || !s.order.delete(entry)) return;
  s.chars -= entry.text.length;
  const nodes = s.runs.get(entry.runId);
  nodes?.delete(entry.nodeId);
  if (nodes?.size === 0) s.runs.delete(entry.runId);
}
