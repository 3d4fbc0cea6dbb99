/**
 * Coalesces the text a node streams into at most one event per `intervalMs` per node: pieces
 * are gathered and sent together once the interval since the node's first piece (or its last
 * event) has passed. The first event waits one interval too (50 ms, below what a person notices):
 * a node whose whole answer came within it sends no delta at all — its final event carries the
 * text — which spares fast answers the delta's writes and notices. A higher attempt (a retry)
 * first sends what the previous one still had pending, then starts over; pieces of an older
 * attempt, or arriving after the node ended, are dropped.
 */
import type { NodeTextDelta } from "./run-events";

/** ≤ 20 events a second per node. */
export const DELTA_INTERVAL_MS = 50;

export interface DeltaCoalescerOptions {
  emit: (delta: NodeTextDelta) => void;
  intervalMs?: number;
  now?: () => number;
}

interface NodeState {
  attempt: number;
  pending: string;
  lastEmitAt: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  ended: boolean;
}

export class DeltaCoalescer {
  private readonly nodes = new Map<string, NodeState>();
  private readonly intervalMs: number;
  private readonly now: () => number;

  constructor(private readonly options: DeltaCoalescerOptions) {
    this.intervalMs = options.intervalMs ?? DELTA_INTERVAL_MS;
    this.now = options.now ?? (() => performance.now());
  }

  append(nodeId: string, attempt: number, text: string): void {
    let state = this.nodes.get(nodeId);
    if (!state) {
      // As if an event had just gone out: the first one waits an interval.
      state = { attempt, pending: "", lastEmitAt: this.now(), timer: undefined, ended: false };
      this.nodes.set(nodeId, state);
    }
    if (state.ended || attempt < state.attempt || text === "") return;
    if (attempt > state.attempt) {
      this.flush(nodeId);
      state.attempt = attempt;
    }
    state.pending += text;
    if (state.timer !== undefined) return;
    const wait = state.lastEmitAt + this.intervalMs - this.now();
    if (wait <= 0) this.flush(nodeId);
    else state.timer = setTimeout(() => this.flush(nodeId), wait);
  }

  /** Sends what the node has pending now. */
  flush(nodeId: string): void {
    const state = this.nodes.get(nodeId);
    if (!state) return;
    if (state.timer !== undefined) clearTimeout(state.timer);
    state.timer = undefined;
    if (state.pending === "") return;
    const text = state.pending;
    state.pending = "";
    state.lastEmitAt = this.now();
    this.options.emit({ nodeId, attempt: state.attempt, text });
  }

  /** Sends what the node has pending and drops anything it streams later (its final event is next). */
  end(nodeId: string): void {
    this.flush(nodeId);
    const state = this.nodes.get(nodeId);
    if (state) state.ended = true;
  }

  /** Stops every timer without sending (the run is over). */
  dispose(): void {
    for (const state of this.nodes.values()) {
      if (state.timer !== undefined) clearTimeout(state.timer);
      state.timer = undefined;
      state.ended = true;
    }
  }
}
