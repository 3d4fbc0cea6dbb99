/**
 * `runGraph`: plans a run, schedules its nodes, reports every change through hooks and
 * resolves with how each node and the run ended. Pure: persistence, queues and providers
 * reach it only through `executeNode`, `lookupCached` and the hooks.
 */
import { EngineError, errorMessage, errorStack } from "./errors";
import { HookQueue } from "./hook-queue";
import { planRun, type RunPlan } from "./plan";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry";
import type { RunFinishEvent, RunGraphOptions, RunOutcome } from "./run-types";
import { Scheduler } from "./scheduler";
import type { FinalRunStatus } from "./statuses";

export const DEFAULT_CONCURRENCY = 16;
export const DEFAULT_NODE_TIMEOUT_MS = 120_000;

/**
 * Runs a validated graph (all of it, or some targets and whatever they need) and resolves
 * when every planned node has ended. Never rejects for a node's failure; it rejects only
 * if `onRunFinish` itself fails (the outcome could not be recorded).
 *
 * @example
 * const outcome = await runGraph({
 *   graph,
 *   scope: "PARTIAL",
 *   targetNodeIds: ["llm-2"],
 *   signal: cancelController.signal,
 *   lookupCached: (nodeId, cacheKey) => findLatestSuccess(workflowId, nodeId, cacheKey),
 *   executeNode: (node, connected, signal) => executors[node.type](node, connected, signal),
 *   hooks: { onNodeFinish: (e) => upsertNodeResult(runId, e), onRunFinish: (e) => finishRun(runId, e) },
 * });
 * outcome.status;           // "COMPLETED" | "FAILED" | "CANCELED"
 * outcome.nodes["llm-2"];   // { status: "SUCCESS", cached: false, attempts: 1, cacheKey: "…" }
 */
export async function runGraph(options: RunGraphOptions): Promise<RunOutcome> {
  const now = options.now ?? Date.now;
  const startedAt = now();
  const hooks = new HookQueue(options.hooks);

  let plan: RunPlan;
  try {
    plan = planRun(options.graph, options.scope, options.targetNodeIds, options.catalogue);
  } catch (error) {
    hooks.emit("onLog", { level: "error", message: `run not started: ${errorMessage(error)}` });
    const event: RunFinishEvent = { status: "FAILED", outputs: {}, error: errorMessage(error), durationMs: now() - startedAt };
    // An EngineError is a plan that cannot be made (unknown target, cycle); anything else is a bug.
    if (!(error instanceof EngineError)) event.errorStack = errorStack(error);
    return finishRun(options, hooks, event, {});
  }

  const scheduler = new Scheduler(options, plan, hooks, {
    concurrency: atLeastOne(options.concurrency ?? DEFAULT_CONCURRENCY),
    nodeTimeoutMs: options.nodeTimeoutMs ?? DEFAULT_NODE_TIMEOUT_MS,
    retry: resolveRetryPolicy(options.retry),
    now,
  });
  hooks.emit("onLog", { level: "info", message: `run started: ${plan.nodeIds.length} node(s), scope ${options.scope}` });

  const { signal, stopSignal } = options;
  const onAbort = () => scheduler.cancel(signal?.reason ?? new EngineError("CANCELED", "canceled"));
  const onStop = () => scheduler.stop(stopSignal?.reason);
  signal?.addEventListener("abort", onAbort, { once: true });
  stopSignal?.addEventListener("abort", onStop, { once: true });
  scheduler.start();
  await scheduler.done;
  signal?.removeEventListener("abort", onAbort);
  stopSignal?.removeEventListener("abort", onStop);

  const { outputs, nodes, failures, errorStack: nodeStack, stop } = scheduler.outcome();
  const canceled = scheduler.canceled;
  let status: FinalRunStatus = canceled ? "CANCELED" : failures.length > 0 || stop ? "FAILED" : "COMPLETED";
  let error: string | undefined = canceled ? "canceled" : joinErrors(stop?.message, summarize(failures));
  hooks.emit("onLog", {
    level: status === "COMPLETED" ? "info" : status === "FAILED" ? "error" : "warning",
    message: `run ${status.toLowerCase()} in ${now() - startedAt} ms${error ? `: ${error}` : ""}`,
  });

  await hooks.drain();
  if (hooks.failure !== undefined && status !== "CANCELED") {
    status = "FAILED";
    error = error ? `${error}; ${hooks.failure}` : hooks.failure;
  }
  const event: RunFinishEvent = { status, outputs, durationMs: now() - startedAt };
  if (error !== undefined) event.error = error;
  if (status === "FAILED" && stop) event.errorCode = stop.code;
  // Only a FAILED run keeps a stack: a canceled one ended because someone asked, whatever failed before.
  const stack = nodeStack ?? hooks.failureStack;
  if (status === "FAILED" && stack !== undefined) event.errorStack = stack;
  return finishRun(options, hooks, event, nodes);
}

async function finishRun(options: RunGraphOptions, hooks: HookQueue, event: RunFinishEvent, nodes: RunOutcome["nodes"]): Promise<RunOutcome> {
  await hooks.drain();
  await options.hooks?.onRunFinish?.(event);
  return { ...event, nodes };
}

function resolveRetryPolicy(retry: RunGraphOptions["retry"]): RetryPolicy {
  return {
    maxAttempts: Math.min(atLeastOne(retry?.maxAttempts ?? DEFAULT_RETRY_POLICY.maxAttempts), 100),
    baseDelayMs: nonNegative(retry?.baseDelayMs, DEFAULT_RETRY_POLICY.baseDelayMs),
    maxDelayMs: nonNegative(retry?.maxDelayMs, DEFAULT_RETRY_POLICY.maxDelayMs),
  };
}

/** A count of at least 1 (NaN and fractions included); Infinity stays unbounded. */
function atLeastOne(value: number): number {
  return value >= 1 ? Math.floor(value) : 1;
}

function nonNegative(value: number | undefined, fallback: number): number {
  return value !== undefined && value >= 0 && Number.isFinite(value) ? value : fallback;
}

function joinErrors(...parts: (string | undefined)[]): string | undefined {
  const present = parts.filter((part) => part !== undefined);
  return present.length > 0 ? present.join("; ") : undefined;
}

function summarize(failures: string[]): string | undefined {
  if (failures.length === 0) return undefined;
  return failures.length === 1 ? failures[0] : `${failures[0]} (and ${failures.length - 1} more)`;
}
