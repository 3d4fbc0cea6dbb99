/**
 * The ready-queue scheduler behind `runGraph`. Each planned node waits on a counter of
 * unfinished incoming edges; when it reaches zero the node joins the ready queue, and up
 * to `concurrency` queued nodes are in progress at once. No waves, no scans: every node
 * and edge is touched a constant number of times.
 */
import type { ConnectedValues } from "@/nodes/resolve-input";
import { type AbortAttempt, attemptNode } from "./attempt-node";
import { computeCacheKey } from "./cache-key";
import { EngineError, errorMessage } from "./errors";
import type { HookQueue } from "./hook-queue";
import { NOT_PLANNED, REUSE, type RunPlan } from "./plan";
import { isTransientError, retryDelayMs, sleep, type RetryPolicy } from "./retry";
import type { ExecuteNodeResult, NodeFinishEvent, NodeOutcome, NodeOutputs, RunGraphOptions } from "./run-types";

const PENDING = 0, QUEUED = 1, ACTIVE = 2, SUCCESS = 3, FAILED = 4, SKIPPED = 5;
type NodeState = typeof PENDING | typeof QUEUED | typeof ACTIVE | typeof SUCCESS | typeof FAILED | typeof SKIPPED;

/** What is known about a node once its inputs are ready. */
interface NodeProgress {
  input: ConnectedValues;
  cacheKey?: string;
  startedAt?: number;
  attempts: number;
  cached: boolean;
  error?: string;
}

export interface SchedulerSettings {
  concurrency: number;
  nodeTimeoutMs: number;
  retry: RetryPolicy;
  now: () => number;
}

export class Scheduler {
  private readonly state: Uint8Array;
  private readonly remaining: Int32Array;
  private readonly outputs: (NodeOutputs | undefined)[];
  private readonly progress: (NodeProgress | undefined)[];
  private readonly ready: number[] = [];
  private readyHead = 0;
  private active = 0;
  private unfinished = 0;
  private readonly inFlight = new Set<AbortAttempt>();
  private finished = false;
  canceled = false;
  private resolveDone!: () => void;
  readonly done = new Promise<void>((resolve) => (this.resolveDone = resolve));

  constructor(
    private readonly options: RunGraphOptions,
    private readonly plan: RunPlan,
    private readonly hooks: HookQueue,
    private readonly settings: SchedulerSettings,
  ) {
    const n = options.graph.nodes.length;
    this.state = new Uint8Array(n);
    this.remaining = new Int32Array(n);
    this.outputs = new Array(n);
    this.progress = new Array(n);
  }

  /** Seeds the queue and starts work (or cancels at once); `done` resolves when every planned node is final. */
  start(): void {
    const { roles, index } = this.plan;
    const { graph, completed } = this.options;
    for (let i = 0; i < roles.length; i++) {
      if (roles[i] === NOT_PLANNED) continue;
      this.remaining[i] = index.incoming[i].length;
      this.unfinished++;
    }
    if (completed) {
      for (let i = 0; i < roles.length; i++) {
        const prior = roles[i] === NOT_PLANNED ? undefined : completed.get(graph.nodes[i].id);
        if (!prior) continue;
        this.progress[i] = { input: {}, cacheKey: prior.cacheKey, attempts: 0, cached: false };
        this.markSucceeded(i, prior.outputs);
        this.log("debug", `node "${graph.nodes[i].id}" already succeeded in this run; not re-run`, graph.nodes[i].id);
      }
    }
    if (this.options.signal?.aborted) return this.cancel(this.options.signal.reason);
    for (let i = 0; i < roles.length; i++) this.enqueueIfReady(i);
    this.pump();
  }

  /** Aborts every attempt in flight and ends every unfinished node as SKIPPED. */
  cancel(reason: unknown): void {
    if (this.finished) return;
    this.canceled = true;
    for (const abort of [...this.inFlight]) abort(reason ?? new EngineError("CANCELED", "canceled"));
    for (let i = 0; i < this.state.length; i++) {
      if (this.plan.roles[i] !== NOT_PLANNED && this.state[i] < SUCCESS) this.skip(i, "canceled");
    }
    this.finish();
  }

  outcome(): { outputs: Record<string, NodeOutputs>; nodes: Record<string, NodeOutcome>; failures: string[] } {
    const outputs: Record<string, NodeOutputs> = {};
    const nodes: Record<string, NodeOutcome> = {};
    const failures: string[] = [];
    const { graph } = this.options;
    for (let i = 0; i < this.state.length; i++) {
      if (this.plan.roles[i] === NOT_PLANNED) continue;
      const id = graph.nodes[i].id;
      const p = this.progress[i];
      const status = this.state[i] === SUCCESS ? "SUCCESS" : this.state[i] === FAILED ? "FAILED" : "SKIPPED";
      nodes[id] = { status, cached: p?.cached ?? false, attempts: p?.attempts ?? 0 };
      if (p?.cacheKey !== undefined) nodes[id].cacheKey = p.cacheKey;
      if (p?.error !== undefined) nodes[id].error = p.error;
      if (status === "SUCCESS") outputs[id] = this.outputs[i]!;
      if (status === "FAILED") failures.push(`node "${id}" failed: ${p?.error ?? "unknown error"}`);
    }
    return { outputs, nodes, failures };
  }

  private enqueueIfReady(i: number): void {
    if (this.plan.roles[i] === NOT_PLANNED || this.state[i] !== PENDING || this.remaining[i] !== 0) return;
    this.state[i] = QUEUED;
    this.ready.push(i);
  }

  private pump(): void {
    while (!this.finished && this.active < this.settings.concurrency && this.readyHead < this.ready.length) {
      const i = this.ready[this.readyHead++];
      this.state[i] = ACTIVE;
      this.active++;
      this.process(i).then(
        () => this.afterNode(),
        (error: unknown) => {
          if (!this.finished && this.state[i] === ACTIVE) this.fail(i, `internal error: ${errorMessage(error)}`);
          this.afterNode();
        },
      );
    }
    if (this.readyHead === this.ready.length) {
      this.ready.length = 0;
      this.readyHead = 0;
    }
    if (!this.finished && this.unfinished === 0) this.finish();
    else if (!this.finished && this.active === 0 && this.ready.length === 0) {
      // Unreachable with a planned (acyclic) graph; never hang if it happens anyway.
      for (let i = 0; i < this.state.length; i++) {
        if (this.plan.roles[i] !== NOT_PLANNED && this.state[i] < SUCCESS) this.skip(i, "skipped: never became ready");
      }
      this.finish();
    }
  }

  private afterNode(): void {
    this.active--;
    this.pump();
  }

  private finish(): void {
    this.finished = true;
    this.resolveDone();
  }

  private connectedInputs(i: number): ConnectedValues {
    const { graph } = this.options;
    const { incoming, edgeSource } = this.plan.index;
    const connected: ConnectedValues = {};
    for (const e of incoming[i]) {
      const edge = graph.edges[e];
      (connected[edge.targetHandle] ??= []).push(this.outputs[edgeSource[e]]?.[edge.sourceHandle]);
    }
    return connected;
  }

  private async process(i: number): Promise<void> {
    const { graph, lookupCached, executeNode } = this.options;
    const { now, retry, nodeTimeoutMs } = this.settings;
    const node = graph.nodes[i];
    const p: NodeProgress = { input: this.connectedInputs(i), attempts: 0, cached: false };
    this.progress[i] = p;
    try {
      p.cacheKey = computeCacheKey(node.type, node.data, p.input);
    } catch (error) {
      return this.fail(i, errorMessage(error));
    }

    if (this.plan.roles[i] === REUSE && lookupCached) {
      p.startedAt = now();
      let hit: NodeOutputs | undefined;
      try {
        hit = await lookupCached(node.id, p.cacheKey);
      } catch (error) {
        this.log("warning", `cache lookup failed, executing instead: ${errorMessage(error)}`, node.id);
      }
      if (this.finished) return;
      if (hit) {
        p.cached = true;
        this.log("info", `node "${node.id}" reused cached result`, node.id);
        return this.succeed(i, { outputs: hit });
      }
    }

    p.startedAt = now();
    for (;;) {
      const attempt = ++p.attempts;
      this.hooks.emit("onNodeStart", { nodeId: node.id, nodeType: node.type, input: p.input, cacheKey: p.cacheKey, startedAt: new Date(p.startedAt), attempt });
      this.log("info", attempt === 1 ? `node "${node.id}" started` : `node "${node.id}" started (attempt ${attempt} of ${retry.maxAttempts})`, node.id);
      try {
        const result = await attemptNode(executeNode, node, p.input, attempt, nodeTimeoutMs, this.inFlight);
        if (this.finished) return;
        if (!result || typeof result.outputs !== "object" || result.outputs === null) {
          return this.fail(i, "the executor returned no outputs");
        }
        return this.succeed(i, result);
      } catch (error) {
        if (this.finished) return;
        if (attempt >= retry.maxAttempts || !isTransientError(error)) return this.fail(i, errorMessage(error));
        const delay = retryDelayMs(error, attempt, retry);
        this.log("warning", `node "${node.id}" attempt ${attempt} failed: ${errorMessage(error)}; retrying in ${delay} ms`, node.id, { attempt, delayMs: delay });
        await sleep(delay, this.options.signal);
        if (this.finished) return;
      }
    }
  }

  private markSucceeded(i: number, outputs: NodeOutputs): void {
    this.state[i] = SUCCESS;
    this.outputs[i] = outputs;
    this.unfinished--;
    const { outgoing, edgeTarget } = this.plan.index;
    for (const e of outgoing[i]) {
      const t = edgeTarget[e];
      this.remaining[t]--;
      this.enqueueIfReady(t);
    }
  }

  private succeed(i: number, result: ExecuteNodeResult): void {
    const node = this.options.graph.nodes[i];
    const p = this.progress[i]!;
    this.markSucceeded(i, result.outputs);
    if (!this.hooks.has("onNodeFinish") && !this.hooks.has("onLog")) return;
    const event = this.finishEvent(i, "SUCCESS");
    event.outputs = result.outputs;
    if (result.meta !== undefined) event.meta = result.meta;
    this.hooks.emit("onNodeFinish", event);
    if (!p.cached) this.log("info", `node "${node.id}" succeeded in ${event.durationMs ?? 0} ms`, node.id);
  }

  private fail(i: number, message: string): void {
    const node = this.options.graph.nodes[i];
    this.state[i] = FAILED;
    this.unfinished--;
    this.progress[i]!.error = message;
    this.hooks.emit("onNodeFinish", this.finishEvent(i, "FAILED"));
    this.log("error", `node "${node.id}" failed: ${message}`, node.id);

    // Everything downstream that has not finished can never run: skip it, once.
    const { outgoing, edgeTarget } = this.plan.index;
    const skipped: string[] = [];
    const stack = [i];
    while (stack.length > 0) {
      for (const e of outgoing[stack.pop()!]) {
        const t = edgeTarget[e];
        if (this.plan.roles[t] === NOT_PLANNED || this.state[t] !== PENDING) continue;
        this.skip(t, `skipped: upstream "${node.id}" failed`);
        skipped.push(this.options.graph.nodes[t].id);
        stack.push(t);
      }
    }
    if (skipped.length > 0) this.log("warning", `skipped ${skipped.length} downstream node(s) of "${node.id}": ${skipped.join(", ")}`, node.id);
  }

  private skip(i: number, reason: string): void {
    this.state[i] = SKIPPED;
    this.unfinished--;
    const p = (this.progress[i] ??= { input: {}, attempts: 0, cached: false });
    p.error = reason;
    this.hooks.emit("onNodeFinish", this.finishEvent(i, "SKIPPED"));
  }

  private finishEvent(i: number, status: NodeFinishEvent["status"]): NodeFinishEvent {
    const node = this.options.graph.nodes[i];
    const p = this.progress[i]!;
    const completedAt = this.settings.now();
    const event: NodeFinishEvent = { nodeId: node.id, nodeType: node.type, status, cached: p.cached, completedAt: new Date(completedAt), attempts: p.attempts };
    if (p.error !== undefined && status !== "SUCCESS") event.error = p.error;
    if (p.cacheKey !== undefined) event.cacheKey = p.cacheKey;
    if (p.startedAt !== undefined) {
      event.input = p.input;
      event.startedAt = new Date(p.startedAt);
      event.durationMs = completedAt - p.startedAt;
    }
    return event;
  }

  private log(level: "debug" | "info" | "warning" | "error", message: string, nodeId?: string, metadata?: Record<string, unknown>): void {
    if (!this.hooks.has("onLog")) return;
    this.hooks.emit("onLog", { level, message, ...(nodeId !== undefined && { nodeId }), ...(metadata && { metadata }) });
  }
}
