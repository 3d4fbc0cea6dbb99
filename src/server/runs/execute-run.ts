/**
 * The run executor: the one function every queue calls (pg-boss worker, `npm run worker`,
 * Trigger.dev task). Claims the run, runs the engine with hooks that persist every node
 * transition and log line, and records the outcome. Safe to call again for the same run
 * after a crash: nodes that already SUCCEEDED are passed to the engine as completed and
 * never re-executed; a final run is left alone.
 */
import "server-only";
import { EngineError, runGraph, type LogEvent, type RunOutcome } from "@/engine";
import { createExecuteNode } from "@/nodes/execute-node";
import { serverNodeCatalogue } from "@/nodes/server-catalogue";
import type { ServerNodeCatalogue } from "@/nodes/types";
import { getDatabase } from "../db";
import { env } from "../env";
import { onCancelRequest, publishRunEvents } from "../events/run-events";
import { RunTextStreams } from "../events/run-text-streams";
import { logger, type Logger } from "../log";
import { claimRun } from "./claim-run";
import { findCachedOutput } from "./find-cached-output";
import { finishRun } from "./finish-run";
import { loadRunProgress } from "./load-run-progress";
import { createDailyLedger } from "./budget-daily";
import { BUDGET_EXCEEDED, RunMeter } from "./budget-meter";
import { RunRecorder } from "./run-recorder";
import { withPartialText } from "./with-partial-text";

export type ExecuteRunResult =
  | { kind: "finished"; outcome: RunOutcome }
  | { kind: "missing" }
  | { kind: "already-final" }
  /** `signal` aborted while another live worker held the run: nothing was done; leave the job to be retried. */
  | { kind: "interrupted" };

export interface ExecuteRunOptions {
  /** Aborts the run as if canceled (worker shutdown); the run is then resumed elsewhere. */
  signal?: AbortSignal;
  /** The node types it can run (default: the app's catalogue); tests give their own. */
  catalogue?: ServerNodeCatalogue;
}

export async function executeRun(runId: string, options: ExecuteRunOptions = {}): Promise<ExecuteRunResult> {
  const handle = await getDatabase();
  const config = env();
  const claim = await claimRun(handle, runId, config.GALAXY_RUN_LEASE_SECONDS, { signal: options.signal });
  if (claim.kind === "missing") return { kind: "missing" };
  if (claim.kind === "final") return { kind: "already-final" };
  if (claim.kind === "interrupted") return { kind: "interrupted" };
  const run = claim.run;
  const log = logger("runs").child({ runId });
  log.info({ resumed: run.resumed }, "run started");
  publishRunEvents(runId, [{ type: "run", row: withoutInput(run) }]);

  const controller = new AbortController();
  const cancel = (reason: string) => {
    if (!controller.signal.aborted) controller.abort(new EngineError("CANCELED", reason));
  };
  const offCancel = onCancelRequest((id) => id === runId && cancel("canceled"));
  const onShutdown = () => cancel("worker shutting down");
  options.signal?.addEventListener("abort", onShutdown, { once: true });

  const progress = run.resumed ? await loadRunProgress(handle, runId) : undefined;
  // Usage and budgets: a cap reached stops the run (nothing more starts; calls in flight finish).
  const budgetStop = new AbortController();
  const meter = new RunMeter({
    userId: run.userId,
    budget: run.budget,
    dailyCapUsd: config.GALAXY_DAILY_BUDGET_USD,
    daily: createDailyLedger(handle),
    alreadyUsed: progress?.used,
    onStop: (reason) => budgetStop.abort(reason),
    onLedgerError: (error) => log.error({ err: error }, "could not add a model call to the daily usage"),
  });
  let persistFailure: Error | undefined;
  const recorder = new RunRecorder(handle, runId, {
    usageOf: (nodeId) => meter.nodeUsage(nodeId),
    existingIds: progress?.rowIds,
    onRunNotRunning: () => cancel("canceled"),
    onFailure: (error) => {
      persistFailure = error;
      cancel(`could not record progress: ${error.message}`);
    },
  });
  const heartbeat = setInterval(
    () => void recorder.heartbeat().catch((error: unknown) => log.error({ err: error }, "heartbeat failed")),
    Math.max(100, (config.GALAXY_RUN_LEASE_SECONDS * 1000) / 3),
  );
  heartbeat.unref();
  // Text nodes stream (LLM answers): delta events, and what a node stopped mid-stream keeps.
  const streams = new RunTextStreams(handle, runId, { settled: () => recorder.settled() });
  // The run's own log (rows the user reads) is also in the server log, at debug.
  const record = (event: LogEvent) => {
    recorder.log(event);
    logRunEvent(log, event);
  };
  if (run.resumed) {
    record({
      level: "warning",
      message: `run resumed by another worker after its worker was lost; ${progress?.completed.size ?? 0} node(s) that succeeded are kept`,
    });
  }

  const executeNode = createExecuteNode(options.catalogue ?? serverNodeCatalogue, {
    userId: run.userId,
    runId,
    log: record,
    meter: (nodeId) => meter.forNode(nodeId),
    onTextDelta: (nodeId, attempt, text) => streams.append(nodeId, attempt, text),
  });

  try {
    const outcome = await runGraph({
      graph: run.input,
      scope: run.scope,
      targetNodeIds: run.targetNodeIds,
      concurrency: config.GALAXY_RUN_CONCURRENCY,
      nodeTimeoutMs: config.GALAXY_NODE_TIMEOUT_MS,
      signal: controller.signal,
      stopSignal: budgetStop.signal,
      completed: progress?.completed,
      lookupCached: (nodeId, cacheKey) => findCachedOutput(handle, run.userId, nodeId, cacheKey),
      executeNode,
      hooks: {
        onNodeStart: (event) => {
          log.debug({ nodeId: event.nodeId, nodeType: event.nodeType, attempt: event.attempt }, "node started");
          // A retry: the previous attempt's last text goes out before the RUNNING that starts it over.
          const sent = event.attempt > 1 ? streams.flush(event.nodeId) : undefined;
          return sent ? sent.then(() => recorder.nodeStart(event)) : recorder.nodeStart(event);
        },
        onNodeFinish: (event) => {
          const { nodeId, nodeType, status, cached, attempts, durationMs } = event;
          log.debug({ nodeId, nodeType, status, cached, attempts, durationMs }, "node finished");
          // Its pending text goes out before its final event; stopped mid-stream, it keeps that text.
          const streamed = streams.end(nodeId);
          const finished = withPartialText(event, streamed?.text);
          return streamed ? streamed.sent.then(() => recorder.nodeFinish(finished)) : recorder.nodeFinish(finished);
        },
        onLog: record,
        onRunFinish: async (event) => {
          await streams.close();
          await recorder.drain().catch(() => undefined);
          if (options.signal?.aborted && event.status === "CANCELED") {
            // Shutting down, not canceled: leave the run RUNNING so the queue's retry resumes it.
            throw new Error("worker shut down before the run finished");
          }
          if (persistFailure) {
            // A failed write is unexpected: its stack is kept (server-side only, never sent).
            event = { ...event, status: "FAILED", error: `could not record progress: ${persistFailure.message}`, errorStack: persistFailure.stack ?? persistFailure.message };
          }
          // The amounts as they ended, calls in flight at the stop included.
          if (event.errorCode === BUDGET_EXCEEDED) event = { ...event, error: meter.describeStop(event.error) };
          await finishRun(handle, runId, event);
          log.info({ status: event.status, durationMs: event.durationMs }, "run finished");
          // A bug or a failed write, not a user's mistake: the operator needs its stack.
          if (event.errorStack) log.error({ err: { message: event.error, stack: event.errorStack } }, "run failed on an unexpected error");
        },
      },
    });
    return { kind: "finished", outcome };
  } finally {
    clearInterval(heartbeat);
    void streams.close();
    offCancel();
    options.signal?.removeEventListener("abort", onShutdown);
  }
}

function logRunEvent(log: Logger, event: LogEvent): void {
  log.debug({ nodeId: event.nodeId, runLogLevel: event.level, metadata: event.metadata }, event.message);
}

function withoutInput<T extends { input?: unknown; resumed?: boolean }>(run: T): Omit<T, "input" | "resumed"> {
  const { input: _input, resumed: _resumed, ...rest } = run;
  return rest;
}
