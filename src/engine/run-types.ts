/** The scheduler's contract: what `runGraph` takes, what it reports through hooks, what it returns. */
import type { ConnectedValues, NodeCatalogue } from "./node-catalogue";
import type { TGraph, TGraphNode } from "./graph-schema";
import type { FinalNodeStatus, FinalRunStatus, LogLevel, RunScope } from "./statuses";

export type NodeOutputs = Record<string, unknown>;

export interface ExecuteNodeResult {
  /** Keyed by output handle. */
  outputs: NodeOutputs;
  /** Extra facts recorded on the node result (token usage, sizes…). */
  meta?: Record<string, unknown>;
}

/**
 * Runs one node. `connected` maps each connected input handle to the values arriving on
 * it, in edge order. `signal` aborts on cancel and on timeout; `attempt` counts from 1.
 */
export type ExecuteNode = (node: TGraphNode, connected: ConnectedValues, signal: AbortSignal, attempt: number) => Promise<ExecuteNodeResult>;

export interface NodeStartEvent {
  nodeId: string;
  nodeType: string;
  input: ConnectedValues;
  cacheKey: string;
  /** When the node's first attempt started (the same on every retry). */
  startedAt: Date;
  attempt: number;
}

export interface NodeFinishEvent {
  nodeId: string;
  nodeType: string;
  status: FinalNodeStatus;
  outputs?: NodeOutputs;
  meta?: Record<string, unknown>;
  error?: string;
  /** True when the outputs were reused from an earlier run instead of executing. */
  cached: boolean;
  cacheKey?: string;
  input?: ConnectedValues;
  startedAt?: Date;
  completedAt: Date;
  durationMs?: number;
  /** How many times `executeNode` was called for this node (0 when cached or skipped). */
  attempts: number;
}

export interface LogEvent {
  level: LogLevel;
  message: string;
  nodeId?: string;
  metadata?: Record<string, unknown>;
}

export interface RunFinishEvent {
  status: FinalRunStatus;
  /** Node id → outputs, for every node of the plan that succeeded (reused ones included). */
  outputs: Record<string, NodeOutputs>;
  error?: string;
  /**
   * FAILED runs only: why the run was stopped when a `RunStopError` (thrown by an executor or
   * given to `stopSignal`) kept at least one node from running, e.g. "BUDGET_EXCEEDED".
   */
  errorCode?: string;
  /**
   * FAILED runs only: the stack of the unexpected error that failed the run — an engine
   * internal error, a failed hook, or a bug in an executor (`programmingErrorStack`); the
   * first failed node's in plan order, else the hook's. For the server's log and database,
   * never for users.
   */
  errorStack?: string;
  durationMs: number;
}

/**
 * How persistence and live events reach the engine. Calls are made one at a time in event
 * order (each waits for the previous hook's promise), so a slow write never overtakes a
 * later one; scheduling never waits for them. Before `onRunFinish` the engine waits for
 * all of them; a hook that throws or rejects makes the run FAILED with its message.
 */
export interface EngineHooks {
  onNodeStart?(event: NodeStartEvent): void | Promise<void>;
  onNodeFinish?(event: NodeFinishEvent): void | Promise<void>;
  onLog?(event: LogEvent): void | Promise<void>;
  onRunFinish?(event: RunFinishEvent): void | Promise<void>;
}

export interface RunGraphOptions {
  /** A graph that passed `validateGraph`. */
  graph: TGraph;
  scope: RunScope;
  /** The nodes a PARTIAL (one or more) or SINGLE (exactly one) run is for. */
  targetNodeIds?: string[];
  /** The node types: those it marks canvas-only (notes, frames) are never planned nor executed. */
  catalogue?: Pick<NodeCatalogue, "get">;
  /** Most `executeNode` calls in flight at once in this run. Default 16. */
  concurrency?: number;
  /** Per attempt. Default 120,000. */
  nodeTimeoutMs?: number;
  retry?: { maxAttempts?: number; baseDelayMs?: number; maxDelayMs?: number };
  /** Cancels the run. */
  signal?: AbortSignal;
  /**
   * Stops the run without canceling it: once aborted, no node starts (those not yet started
   * end SKIPPED), attempts in flight run to their end and are reported, and the run ends FAILED
   * with the reason's `code` and message (a `RunStopError`; another reason gives code "STOPPED").
   * An executor can do the same by throwing a `RunStopError`. A stop that finds nothing left to
   * start changes nothing: the run ends as it would have.
   */
  stopSignal?: AbortSignal;
  /** Outputs of nodes that already SUCCEEDED in this same run (resume after a crash): never re-executed. */
  completed?: Map<string, { outputs: NodeOutputs; cacheKey: string }>;
  /** Upstream reuse for partial runs: the latest successful outputs of this node with this cache key, if any. */
  lookupCached?: (nodeId: string, cacheKey: string) => Promise<NodeOutputs | undefined>;
  executeNode: ExecuteNode;
  hooks?: EngineHooks;
  /** Clock for timestamps and durations (tests inject one). Default `Date.now`. */
  now?: () => number;
}

export interface NodeOutcome {
  status: FinalNodeStatus;
  error?: string;
  cached: boolean;
  cacheKey?: string;
  attempts: number;
}

export interface RunOutcome extends RunFinishEvent {
  /** Node id → how it ended, for every node of the plan. */
  nodes: Record<string, NodeOutcome>;
}
