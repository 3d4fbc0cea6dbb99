/**
 * The text a run's nodes stream, on the process that executes them: each node's text so far
 * (of its latest attempt — what a canceled or failed node keeps as its partial output), and
 * the `delta` events, coalesced to ≤ 20 a second per node, published on this process's bus
 * and, on PostgreSQL, sent to the others as notices (split under NOTIFY's byte cap).
 *
 * Order: a node's deltas go out one at a time, in order (nodes do not wait for each other). A
 * node's first delta of an attempt waits until the writes queued before it are done (`settled`),
 * so its RUNNING event — here and in other processes — comes first; `end` sends what is pending
 * before the node's final event is queued. All or nothing: a node that ends before its first
 * delta went out sends none — its final event carries the whole text — so a node answered at
 * once (a fast model, a short answer) costs no delta and no wait for its RUNNING write, and a
 * client that saw deltas saw them all. A notice that cannot be sent is logged and skipped:
 * deltas are a preview, the final event carries the whole answer.
 */
import type { DatabaseHandle } from "../db/client";
import { noteIfDatabaseUnavailable } from "../db/outage";
import { logger } from "../log";
import { DeltaCoalescer } from "./delta-coalescer";
import { encodeDeltaNotices, sendNotices } from "./remote-notice";
import { publishRunEvents, type NodeTextDelta } from "./run-events";

export interface RunTextStreamsOptions {
  /** Resolves once the run's progress writes queued so far are done (never rejects). */
  settled?: () => Promise<void>;
  /** Test seam: the coalescing interval (default 50 ms). */
  intervalMs?: number;
}

interface NodeText {
  attempt: number;
  text: string;
  /** The first delta of this attempt is not sent yet. */
  first: boolean;
}

/** A node's deltas on their way out, one after another. */
interface NodeSending {
  /** Settles once every delta queued so far went out (or was dropped). */
  chain: Promise<void>;
  /** One of its deltas was published: the rest must follow. */
  published: boolean;
  /** It ended before any went out: the rest are dropped. */
  dropped: boolean;
}

export class RunTextStreams {
  private readonly texts = new Map<string, NodeText>();
  private readonly ended = new Set<string>();
  private readonly coalescer: DeltaCoalescer;
  private readonly sending = new Map<string, NodeSending>();
  private seq = 0;

  constructor(
    private readonly handle: DatabaseHandle,
    private readonly runId: string,
    private readonly options: RunTextStreamsOptions = {},
  ) {
    this.coalescer = new DeltaCoalescer({
      emit: (delta) => this.send(delta),
      intervalMs: options.intervalMs,
    });
  }

  /** A piece of text node `nodeId` produced in `attempt`; a higher attempt starts its text over. */
  append(nodeId: string, attempt: number, text: string): void {
    if (this.ended.has(nodeId)) return;
    let node = this.texts.get(nodeId);
    if (node && attempt < node.attempt) return;
    if (!node || attempt > node.attempt) this.texts.set(nodeId, (node = { attempt, text: "", first: true }));
    node.text += text;
    this.coalescer.append(nodeId, attempt, text);
  }

  /**
   * Sends what the node has pending now (before a retry's RUNNING event). Resolves once every
   * delta sent so far is out; undefined (nothing to wait for) when the node never streamed.
   */
  flush(nodeId: string): Promise<void> | undefined {
    if (!this.texts.has(nodeId)) return undefined;
    this.coalescer.flush(nodeId);
    return this.sending.get(nodeId)?.chain;
  }

  /**
   * The node ended: sends what it has pending — or, when none of its deltas went out yet, drops
   * them all — and ignores anything it streams later (its final event is next). Hands back the
   * text so far of its latest attempt — what a node stopped mid-stream keeps — and `sent`,
   * resolved once every delta sent so far is out (undefined: nothing to wait for); undefined
   * when the node never streamed.
   */
  end(nodeId: string): { text: string; sent: Promise<void> | undefined } | undefined {
    const node = this.texts.get(nodeId);
    if (!node) return undefined;
    const sending = this.sending.get(nodeId);
    if (sending && !sending.published) sending.dropped = true;
    this.coalescer.end(nodeId);
    this.texts.delete(nodeId);
    this.ended.add(nodeId);
    return { text: node.text, sent: sending && !sending.dropped ? sending.chain : undefined };
  }

  /** Every delta queued so far is out or dropped; timers stopped. */
  async close(): Promise<void> {
    this.coalescer.dispose();
    await Promise.all([...this.sending.values()].map((sending) => sending.chain));
  }

  private send(delta: NodeTextDelta): void {
    const node = this.texts.get(delta.nodeId);
    const waitForStart = node?.attempt === delta.attempt && node.first;
    if (node && waitForStart) node.first = false;
    let payloads: string[] = [];
    try {
      payloads = encodeDeltaNotices(this.handle, this.runId, delta, this.seq);
    } catch (error) {
      this.warn(error, delta);
    }
    this.seq += Math.max(1, payloads.length);
    const { nodeId } = delta;
    const sending = this.sending.get(nodeId) ?? { chain: Promise.resolve(), published: false, dropped: false };
    this.sending.set(nodeId, sending);
    sending.chain = sending.chain
      .then(async () => {
        if (waitForStart && !sending.dropped) await this.options.settled?.();
        if (sending.dropped) return; // ended before any went out: its final event carries the text
        sending.published = true;
        publishRunEvents(this.runId, [{ type: "delta", delta }]);
        await sendNotices(this.handle, payloads);
      })
      .catch((error: unknown) => this.warn(error, delta));
  }

  private warn(error: unknown, delta: NodeTextDelta): void {
    const log = logger("events").child({ runId: this.runId });
    // During an outage the deltas are lost to other processes; the node's text itself is kept.
    if (noteIfDatabaseUnavailable(error)) log.debug({ nodeId: delta.nodeId }, "text delta not sent: the database is not answering");
    else log.warn({ err: error, nodeId: delta.nodeId }, "could not send a text delta to other processes");
  }
}
