/**
 * The ready-queue scheduler behind `runGraph`. Each planned node waits on a counter of
 * unfinished incoming edges; when it reaches zero the node joins the ready queue, and up
 * to `concurrency` queued nodes are in progress at once. No waves, no scans: every node
 * and edge is touched a constant number of times.
 */
import type { ConnectedValues } from "./node-catalogue";
import type { LogLevel } from "./statuses";
import type { AbortAttempt } from "./attempt-node";
import { EngineError, errorMessage, isRunStopError, type RunStopError } from "./errors";
import type { HookQueue } from "./hook-queue";
import { NOT_PLANNED, REUSE, type RunPlan } from "./plan";
import type { RetryPolicy } from "./retry";
import { nodeLogName } from "./node-log-name";
import { skipErrorText, type SkipReason } from "./skip-reasons";
import { runNode, type NodeHost, type NodeProgress } from "./run-node";
import type { ExecuteNodeResult, NodeFinishEvent, NodeOutcome, NodeOutputs, NodeStartEvent, RunGraphOptions } from "./run-types";

const PENDING = 0, QUEUED = 1, ACTIVE = 2, SUCCESS = 3, FAILED = 4, SKIPPED = 5;

export interface SchedulerSettings {
  concurrency: number;
  nodeTimeoutMs: number;
  retry: RetryPolicy;
  now: () => number;
}

export class Scheduler implements NodeHost {
  readonly retry: RetryPolicy;
  readonly nodeTimeoutMs: number;
  readonly inFlight = new Set<AbortAttempt>();
  readonly emitStart: NodeHost["emitStart"];
  readonly log: NodeHost["log"];
  readonly now: () => number;
  canceled = false;
  readonly done: Promise<void>;

  private readonly state: Uint8Array;
  private readonly remaining: Int32Array;
  private readonly outputs: (NodeOutputs | undefined)[];
  private readonly progress: (NodeProgress | undefined)[];
  private readonly ready: number[] = [];
  private readyHead = 0;
  private active = 0;
  private unfinished = 0;
  private finished = false;
  private resolveDone!: () => void;
  private readonly reportsFinish: boolean;
  /** Set by the first stop (see `RunGraphOptions.stopSignal`); nodes it kept from running are counted. */
  private stopped: { code: string; message: string } | undefined;
  private stopSkipped = 0;

  constructor(
    readonly options: RunGraphOptions,
    private readonly plan: RunPlan,
    private readonly hooks: HookQueue,
    private readonly settings: SchedulerSettings,
  ) {
    const n = options.graph.nodes.length;
    this.state = new Uint8Array(n);
    this.remaining = new Int32Array(n);
    this.outputs = new Array(n);
    this.progress = new Array(n);
    this.retry = settings.retry;
    this.nodeTimeoutMs = settings.nodeTimeoutMs;
    this.now = settings.now;
    this.done = new Promise<void>((resolve) => (this.resolveDone = resolve));
    this.reportsFinish = hooks.has("onNodeFinish");
    this.emitStart = hooks.has("onNodeStart") ? (event: NodeStartEvent) => hooks.emit("onNodeStart", event) : undefined;
    this.log = hooks.has("onLog")
      ? (level: LogLevel, message: string, nodeId?: string, metadata?: Record<string, unknown>) =>
          hooks.emit("onLog", { level, message, ...(nodeId !== undefined && { nodeId }), ...(metadata && { metadata }) })
      : undefined;
  }

  /** Seeds the queue and starts work (or cancels at once); `done` resolves when every planned node is final. */
  start(): void {
    const { roles, index } = this.plan;
    const { graph, completed, signal } = this.options;
    for (let i = 0; i < roles.length; i++) {
      if (roles[i] === NOT_PLANNED) continue;
      this.remaining[i] = index.inStart[i + 1] - index.inStart[i];
      this.unfinished++;
    }
    if (completed && completed.size > 0) {
      // Two passes: mark every prior success first, so that releasing one completed
      // node's successors never queues another completed node for execution.
      const resumed: number[] = [];
      for (let i = 0; i < roles.length; i++) {
        const prior = roles[i] === NOT_PLANNED ? undefined : completed.get(graph.nodes[i].id);
        if (!prior) continue;
        this.progress[i] = { input: {}, cacheKey: prior.cacheKey, attempts: 0, cached: false };
        this.state[i] = SUCCESS;
        resumed.push(i);
      }
      for (const i of resumed) {
        this.markSucceeded(i, completed.get(graph.nodes[i].id)!.outputs);
        this.log?.("debug", `node "${graph.nodes[i].id}" already succeeded in this run; not re-run`, graph.nodes[i].id);
      }
    }
    if (signal?.aborted) return this.cancel(signal.reason);
    for (let i = 0; i < roles.length; i++) this.enqueueIfReady(i);
    const { stopSignal } = this.options;
    if (stopSignal?.aborted) this.stop(stopSignal.reason);
    this.pump();
  }

  /**
   * Starts nothing more: every planned node not yet started ends SKIPPED, attempts in flight
   * run on. The first stop wins; a canceled or finished run ignores it.
   */
  stop(reason: unknown): void {
    if (this.finished || this.canceled || this.stopped) return;
    const message = errorMessage(reason);
    this.stopped = { code: isRunStopError(reason) ? reason.code : "STOPPED", message };
    const skipped: string[] = [];
    for (let i = 0; i < this.state.length; i++) {
      if (this.plan.roles[i] === NOT_PLANNED || (this.state[i] !== PENDING && this.state[i] !== QUEUED)) continue;
      this.skipStopped(i);
      skipped.push(this.options.graph.nodes[i].id);
    }
    this.log?.("warning", `run stopped: ${message}${skipped.length > 0 ? `; not run: ${skipped.join(", ")}` : ""}`);
    this.pump();
  }

  isStopped(): boolean {
    return this.stopped !== undefined;
  }

  /** An executor threw a `RunStopError`: stop the run, and end this node SKIPPED with the error's message. */
  stopBy(i: number, error: RunStopError): void {
    const id = this.options.graph.nodes[i].id;
    this.log?.("warning", `node ${nodeLogName(this.options.graph.nodes[i])}: ${error.message}`, id);
    this.stop(error);
    this.skipStopped(i, error.message);
  }

  /** Ends node `i` SKIPPED because the run was stopped (`message`: its own reason, else the stop's). */
  skipStopped(i: number, message?: string): void {
    this.stopSkipped++;
    const skip: SkipReason = { reason: "stopped", code: this.stopped?.code ?? "STOPPED", ...(message !== undefined && { here: true }) };
    this.skip(i, skip, message ?? this.stopped?.message);
  }

  /** Aborts every attempt in flight and ends every unfinished node as SKIPPED. */
  cancel(reason: unknown): void {
    if (this.finished) return;
    this.canceled = true;
    for (const abort of [...this.inFlight]) abort(reason ?? new EngineError("CANCELED", "canceled"));
    for (let i = 0; i < this.state.length; i++) {
      if (this.plan.roles[i] !== NOT_PLANNED && this.state[i] < SUCCESS) this.skip(i, { reason: "canceled" });
    }
    this.finish();
  }

  isFinished(): boolean {
    return this.finished;
  }

  isFinal(i: number): boolean {
    return this.state[i] >= SUCCESS;
  }

  /**
   * `errorStack`: the first failed node's unexpected-error stack, if any (plan order); `stop`:
   * the stop, when it kept at least one node from running.
   */
  outcome(): {
    outputs: Record<string, NodeOutputs>;
    nodes: Record<string, NodeOutcome>;
    failures: string[];
    errorStack?: string;
    stop?: { code: string; message: string };
  } {
    const outputs: Record<string, NodeOutputs> = {};
    const nodes: Record<string, NodeOutcome> = {};
    const failures: string[] = [];
    let errorStack: string | undefined;
    for (let i = 0; i < this.state.length; i++) {
      if (this.plan.roles[i] === NOT_PLANNED) continue;
      const id = this.options.graph.nodes[i].id;
      const p = this.progress[i];
      const status = this.state[i] === SUCCESS ? "SUCCESS" : this.state[i] === FAILED ? "FAILED" : "SKIPPED";
      const outcome: NodeOutcome = { status, cached: p?.cached ?? false, attempts: p?.attempts ?? 0 };
      if (p?.cacheKey !== undefined) outcome.cacheKey = p.cacheKey;
      if (p?.error !== undefined) outcome.error = p.error;
      nodes[id] = outcome;
      if (status === "SUCCESS") outputs[id] = this.outputs[i]!;
      const name = nodeLogName(this.options.graph.nodes[i]);
      if (status === "FAILED") failures.push(`node ${name} failed: ${p?.error ?? "unknown error"}`);
      if (status === "FAILED" && p?.stack !== undefined) errorStack ??= `node ${name}: ${p.stack}`;
    }
    const stop = this.stopSkipped > 0 ? this.stopped : undefined;
    return { outputs, nodes, failures, ...(errorStack !== undefined && { errorStack }), ...(stop && { stop }) };
  }

  succeed(i: number, result: ExecuteNodeResult): void {
    this.markSucceeded(i, result.outputs);
    if (!this.reportsFinish && !this.log) return;
    const event = this.finishEvent(i, "SUCCESS");
    event.outputs = result.outputs;
    if (result.meta !== undefined) event.meta = result.meta;
    if (this.reportsFinish) this.hooks.emit("onNodeFinish", event);
    if (!event.cached) this.log?.("info", `node ${nodeLogName(this.options.graph.nodes[i])} succeeded in ${event.durationMs ?? 0} ms`, event.nodeId);
  }

  fail(i: number, message: string, errorStack?: string): void {
    const { graph } = this.options;
    const id = graph.nodes[i].id;
    this.state[i] = FAILED;
    this.unfinished--;
    this.progress[i]!.error = message;
    if (errorStack !== undefined) this.progress[i]!.stack = errorStack;
    if (this.reportsFinish) this.hooks.emit("onNodeFinish", this.finishEvent(i, "FAILED"));
    const name = nodeLogName(graph.nodes[i]);
    this.log?.("error", `node ${name} failed: ${message}`, id);

    // Everything downstream that has not started can never run: skip it, once.
    const { outStart, outEdges, edgeTarget } = this.plan.index;
    const skipped: string[] = [];
    const stack = [i];
    while (stack.length > 0) {
      const from = stack.pop()!;
      for (let k = outStart[from]; k < outStart[from + 1]; k++) {
        const t = edgeTarget[outEdges[k]];
        if (this.plan.roles[t] === NOT_PLANNED || this.state[t] !== PENDING) continue;
        this.skip(t, { reason: "input-failed", nodeId: id }, name);
        skipped.push(graph.nodes[t].id);
        stack.push(t);
      }
    }
    if (skipped.length > 0) this.log?.("warning", `skipped ${skipped.length} downstream node(s) of ${name}: ${skipped.join(", ")}`, id);
  }

  private enqueueIfReady(i: number): void {
    if (this.plan.roles[i] === NOT_PLANNED || this.state[i] !== PENDING || this.remaining[i] !== 0) return;
    this.state[i] = QUEUED;
    this.ready.push(i);
  }

  private pump(): void {
    while (!this.finished && this.active < this.settings.concurrency && this.readyHead < this.ready.length) {
      const i = this.ready[this.readyHead++];
      if (this.state[i] !== QUEUED) continue; // skipped by a stop while it waited for a slot
      this.state[i] = ACTIVE;
      this.active++;
      const p: NodeProgress = { input: this.connectedInputs(i), attempts: 0, cached: false };
      this.progress[i] = p;
      void runNode(this, i, this.options.graph.nodes[i], p, this.plan.roles[i] === REUSE);
    }
    if (this.readyHead === this.ready.length) {
      this.ready.length = 0;
      this.readyHead = 0;
    }
    if (this.finished) return;
    if (this.unfinished === 0) this.finish();
    else if (this.active === 0 && this.ready.length === 0) {
      // Unreachable with a planned (acyclic) graph; never hang if it happens anyway.
      for (let i = 0; i < this.state.length; i++) {
        if (this.plan.roles[i] !== NOT_PLANNED && this.state[i] < SUCCESS) this.skip(i, { reason: "stopped", code: "NEVER_READY" }, "never became ready");
      }
      this.finish();
    }
  }

  release(): void {
    this.active--;
    this.pump();
  }

  private finish(): void {
    this.finished = true;
    this.resolveDone();
  }

  private connectedInputs(i: number): ConnectedValues {
    const { edges } = this.options.graph;
    const { inStart, inEdges, edgeSource } = this.plan.index;
    const connected: ConnectedValues = {};
    for (let k = inStart[i]; k < inStart[i + 1]; k++) {
      const e = inEdges[k];
      const edge = edges[e];
      (connected[edge.targetHandle] ??= []).push(this.outputs[edgeSource[e]]?.[edge.sourceHandle]);
    }
    return connected;
  }

  private markSucceeded(i: number, outputs: NodeOutputs): void {
    this.state[i] = SUCCESS;
    this.outputs[i] = outputs;
    this.unfinished--;
    const { outStart, outEdges, edgeTarget } = this.plan.index;
    for (let k = outStart[i]; k < outStart[i + 1]; k++) {
      const t = edgeTarget[outEdges[k]];
      this.remaining[t]--;
      this.enqueueIfReady(t);
    }
  }

  /** `words`: the stop's words for a `stopped` reason, the failed node's name for `input-failed`. */
  private skip(i: number, skip: SkipReason, words?: string): void {
    this.state[i] = SKIPPED;
    this.unfinished--;
    const p = (this.progress[i] ??= { input: {}, attempts: 0, cached: false });
    p.error = skipErrorText(skip, words);
    p.skip = skip;
    if (this.reportsFinish) this.hooks.emit("onNodeFinish", this.finishEvent(i, "SKIPPED"));
  }

  private finishEvent(i: number, status: NodeFinishEvent["status"]): NodeFinishEvent {
    const node = this.options.graph.nodes[i];
    const p = this.progress[i]!;
    const completedAt = this.now();
    const event: NodeFinishEvent = { nodeId: node.id, nodeType: node.type, status, cached: p.cached, completedAt: new Date(completedAt), attempts: p.attempts };
    if (p.error !== undefined && status !== "SUCCESS") event.error = p.error;
    if (p.skip !== undefined && status === "SKIPPED") event.meta = { skip: p.skip };
    if (p.cacheKey !== undefined) event.cacheKey = p.cacheKey;
    if (p.startedAt !== undefined) {
      event.input = p.input;
      event.startedAt = new Date(p.startedAt);
      event.durationMs = completedAt - p.startedAt;
    }
    return event;
  }
}
