/**
 * One node's life once its inputs are ready: compute its cache key, reuse a cached result
 * (reusable ancestors of a partial run only), otherwise execute it, retrying transient
 * errors with backoff. The scheduler owns the state; this reports back through `NodeHost`.
 */
import type { ConnectedValues } from "./node-catalogue";
import type { LogLevel } from "./statuses";
import { type AbortAttempt, attemptNode } from "./attempt-node";
import { computeCacheKey } from "./cache-key";
import { nodeLogName } from "./node-log-name";
import { errorMessage, errorStack, isRunStopError, programmingErrorStack, type RunStopError } from "./errors";
import type { TGraphNode } from "./graph-schema";
import { isTransientError, retryDelayMs, sleep, type RetryPolicy } from "./retry";
import type { SkipReason } from "./skip-reasons";
import type { ExecuteNodeResult, NodeOutputs, NodeStartEvent, RunGraphOptions } from "./run-types";

/** What is known about a node once its inputs are ready. */
export interface NodeProgress {
  input: ConnectedValues;
  cacheKey?: string;
  startedAt?: number;
  attempts: number;
  cached: boolean;
  error?: string;
  /** Why it was skipped (SKIPPED only). */
  skip?: SkipReason;
  /** Server-side only: the stack of the unexpected error that failed the node. */
  stack?: string;
}

/** The scheduler, as a running node sees it. */
export interface NodeHost {
  readonly options: RunGraphOptions;
  readonly retry: RetryPolicy;
  readonly nodeTimeoutMs: number;
  readonly inFlight: Set<AbortAttempt>;
  now(): number;
  /** True once the run has ended (canceled): a late result must be dropped. */
  isFinished(): boolean;
  /** True once node `i` has ended (SUCCESS, FAILED or SKIPPED). */
  isFinal(i: number): boolean;
  /** True once the run was stopped: no attempt may start. */
  isStopped(): boolean;
  /** Ends node `i` SKIPPED because the run was stopped. */
  skipStopped(i: number): void;
  /** The executor of node `i` threw a `RunStopError`: stop the run; the node ends SKIPPED with its message. */
  stopBy(i: number, error: RunStopError): void;
  /** Frees the node's concurrency slot and lets the scheduler start more. */
  release(): void;
  succeed(i: number, result: ExecuteNodeResult): void;
  /** `stack`: only for an unexpected error (see `programmingErrorStack`). */
  fail(i: number, message: string, stack?: string): void;
  /** Undefined when nobody listens, so hot paths build no events. */
  emitStart: ((event: NodeStartEvent) => void) | undefined;
  log: ((level: LogLevel, message: string, nodeId?: string, metadata?: Record<string, unknown>) => void) | undefined;
}

/** Never rejects: an unexpected error fails the node. Calls `host.release()` when done, whatever happened. */
export async function runNode(host: NodeHost, i: number, node: TGraphNode, p: NodeProgress, reusable: boolean): Promise<void> {
  try {
    await lifecycle(host, i, node, p, reusable);
  } catch (error) {
    if (!host.isFinished() && !host.isFinal(i)) host.fail(i, `internal error: ${errorMessage(error)}`, errorStack(error));
  } finally {
    host.release();
  }
}

async function lifecycle(host: NodeHost, i: number, node: TGraphNode, p: NodeProgress, reusable: boolean): Promise<void> {
  const { lookupCached, executeNode, signal } = host.options;
  let cacheKey: string;
  try {
    cacheKey = p.cacheKey = computeCacheKey(node.type, node.data, p.input);
  } catch (error) {
    return host.fail(i, errorMessage(error), programmingErrorStack(error));
  }

  if (reusable && lookupCached) {
    p.startedAt = host.now();
    let hit: NodeOutputs | undefined;
    try {
      hit = await lookupCached(node.id, cacheKey);
    } catch (error) {
      host.log?.("warning", `cache lookup failed, executing instead: ${errorMessage(error)}`, node.id);
    }
    if (host.isFinished()) return;
    if (hit) {
      p.cached = true;
      host.log?.("info", `node ${nodeLogName(node)} reused cached result`, node.id);
      return host.succeed(i, { outputs: hit });
    }
  }

  if (host.isStopped()) return host.skipStopped(i);
  p.startedAt = host.now();
  for (;;) {
    const attempt = ++p.attempts;
    host.emitStart?.({ nodeId: node.id, nodeType: node.type, input: p.input, cacheKey, startedAt: new Date(p.startedAt), attempt });
    host.log?.("info", attempt === 1 ? `node ${nodeLogName(node)} started` : `node ${nodeLogName(node)} started (attempt ${attempt} of ${host.retry.maxAttempts})`, node.id);
    try {
      const result = await attemptNode(executeNode, node, p.input, attempt, host.nodeTimeoutMs, host.inFlight);
      if (host.isFinished()) return;
      if (!result || typeof result.outputs !== "object" || result.outputs === null) return host.fail(i, "the executor returned no outputs");
      return host.succeed(i, result);
    } catch (error) {
      if (host.isFinished()) return;
      if (isRunStopError(error)) return host.stopBy(i, error);
      if (attempt >= host.retry.maxAttempts || !isTransientError(error)) return host.fail(i, errorMessage(error), programmingErrorStack(error));
      const delayMs = retryDelayMs(error, attempt, host.retry);
      host.log?.("warning", `node ${nodeLogName(node)} attempt ${attempt} failed: ${errorMessage(error)}; retrying in ${delayMs} ms`, node.id, { attempt, delayMs });
      await sleep(delayMs, signal);
      if (host.isFinished()) return;
      if (host.isStopped()) return host.skipStopped(i);
    }
  }
}
