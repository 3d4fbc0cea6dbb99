/**
 * The run executor: the one function every queue calls (pg-boss worker, `npm run worker`,
 * Trigger.dev task). Claims the run, runs the engine with hooks that persist every node
 * transition and log line, and records the outcome. Safe to call again for the same run
 * after a crash: nodes that already SUCCEEDED are passed to the engine as completed and
 * never re-executed; a final run is left alone.
 *
 * Paid work is not thrown away. A worker shutting down (`drain`) starts no more nodes and lets
 * those in flight finish and be recorded, then hands the run over ("handed-over": the queue
 * gives it to another worker, which resumes it); only `signal` aborts calls in flight. A
 * database that does not answer for up to GALAXY_OUTAGE_TOLERANCE_SECONDS holds the run's
 * progress in memory (see RunRecorder) instead of canceling the run.
 */
import "server-only";
import { EngineError, nodeLogName, RunStopError, runGraph, type LogEvent, type RunOutcome } from "@/engine";
import { createExecuteNode } from "@/nodes/execute-node";
import { serverNodeCatalogue } from "@/nodes/server-catalogue";
import type { ServerNodeCatalogue } from "@/nodes/types";
import { getDatabase } from "../db";
import { noteIfDatabaseUnavailable, retryWhileUnavailable } from "../db/outage";
import { env } from "../env";
import { onCancelRequest, publishRunEvents } from "../events/run-events";
import { RunTextStreams } from "../events/run-text-streams";
import { logger, type Logger } from "../log";
import { claimRun, type ClaimResult, type ClaimedRun } from "./claim-run";
import { findCachedOutput } from "./find-cached-output";
import { finishRun, type RunJobRef } from "./finish-run";
import { loadRunProgress } from "./load-run-progress";
import { createDailyLedger } from "./budget-daily";
import { BUDGET_EXCEEDED, RunMeter } from "./budget-meter";
import { RunRecorder } from "./run-recorder";
import { withPartialText } from "./with-partial-text";

export type ExecuteRunResult =
  /** `jobCompleted`: the job given in the options was completed with the run's final write. */
  | { kind: "finished"; outcome: RunOutcome; jobCompleted: boolean }
  | { kind: "missing" }
  | { kind: "already-final" }
  /** `signal` aborted while another live worker held the run: nothing was done; leave the job to be retried. */
  | { kind: "interrupted" }
  /** The worker shut down mid-run: what finished is recorded, the run stays RUNNING for another worker to resume. */
  | { kind: "handed-over" };

/** The stop code of a run whose worker is shutting down (never stored: the run is handed over, not ended). */
const WORKER_SHUTDOWN = "WORKER_SHUTDOWN";

export interface ExecuteRunOptions {
  /** Worker shutting down: start no more nodes, let those in flight finish, then hand the run over. */
  drain?: AbortSignal;
  /** Worker shutting down now: abort calls in flight too, then hand the run over. */
  signal?: AbortSignal;
  /** The node types it can run (default: the app's catalogue); tests give their own. */
  catalogue?: ServerNodeCatalogue;
  /** The run as already claimed for this worker (see start-run-here.ts): no claim is made. */
  claimed?: ClaimedRun;
  /** The run's pg-boss job, completed by the run's final write (one round trip less). */
  job?: RunJobRef;
}

export async function executeRun(runId: string, options: ExecuteRunOptions = {}): Promise<ExecuteRunResult> {
  const handle = await getDatabase();
  const config = env();
  const claim: ClaimResult = options.claimed
    ? { kind: "claimed", run: options.claimed }
    : await claimRun(handle, runId, config.GALAXY_RUN_LEASE_SECONDS, { signal: options.signal });
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
  // Nodes started and not finished: what a shutdown past its grace aborts (and says so).
  const inFlight = new Set<string>();
  // Messages a person reads name nodes as the canvas does: "Headline writer" (llm-x).
  const nodesById = new Map(run.input.nodes.map((n) => [n.id, n]));
  const nameOf = (id: string) => nodeLogName(nodesById.get(id) ?? { id });
  const onShutdown = () => {
    if (inFlight.size > 0) {
      const ids = [...inFlight].map(nameOf).join(", ");
      record({ level: "warning", message: `the worker is shutting down and could not wait any longer: ${ids} aborted; they run again on the next worker (a model call they made may be paid twice)` });
    }
    cancel("worker shutting down");
  };

  const progress = run.resumed ? await loadRunProgress(handle, runId) : undefined;
  // A budget reached, or the worker draining: nothing more starts, calls in flight finish.
  const stop = new AbortController();
  const onDrain = () =>
    stop.abort(new RunStopError(WORKER_SHUTDOWN, "the worker is shutting down: nodes in flight finish, the rest run when another worker resumes the run"));
  options.drain?.addEventListener("abort", onDrain, { once: true });
  if (options.drain?.aborted) onDrain();
  const meter = new RunMeter({
    userId: run.userId,
    budget: run.budget,
    dailyCapUsd: config.GALAXY_DAILY_BUDGET_USD,
    daily: createDailyLedger(handle),
    alreadyUsed: progress?.used,
    onStop: (reason) => stop.abort(reason),
    onLedgerError: (error) => log.error({ err: error }, "could not add a model call to the daily usage"),
    nameOf,
  });
  let persistFailure: Error | undefined;
  const outageToleranceMs = config.GALAXY_OUTAGE_TOLERANCE_SECONDS * 1000;
  const recorder = new RunRecorder(handle, runId, {
    usageOf: (nodeId) => meter.nodeUsage(nodeId),
    existingIds: progress?.rowIds,
    onRunNotRunning: () => cancel("canceled"),
    onFailure: (error) => {
      persistFailure = error;
      cancel(`could not record progress: ${error.message}`);
    },
    outageToleranceMs,
    onOutage: (state, error) =>
      state === "waiting"
        ? record({ level: "warning", message: `the database is not answering: this run's progress is kept and written when it is back (for up to ${config.GALAXY_OUTAGE_TOLERANCE_SECONDS} s)`, metadata: { error: String(error) } })
        : record({ level: "info", message: "the database is answering again: the progress kept meanwhile is written" }),
  });
  const heartbeat = setInterval(
    () =>
      void recorder.heartbeat().catch((error: unknown) =>
        noteIfDatabaseUnavailable(error) ? log.warn("heartbeat not written: the database is not answering") : log.error({ err: error }, "heartbeat failed"),
      ),
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
      message: `run resumed by another worker (its worker stopped or was lost); ${progress?.completed.size ?? 0} node(s) that succeeded are kept`,
    });
    for (const nodeId of progress?.interrupted ?? []) {
      record({
        level: "warning",
        nodeId,
        message: `node ${nameOf(nodeId)} was in flight when its worker was lost: it runs again (a model call it had made may be paid twice)`,
      });
    }
  }

  const catalogue = options.catalogue ?? serverNodeCatalogue;
  const executeNode = createExecuteNode(catalogue, {
    userId: run.userId,
    runId,
    log: record,
    meter: (nodeId) => meter.forNode(nodeId),
    onTextDelta: (nodeId, attempt, text) => streams.append(nodeId, attempt, text),
  });

  options.signal?.addEventListener("abort", onShutdown, { once: true });
  if (options.signal?.aborted) onShutdown();
  let handedOver = false;
  let jobCompleted = false;
  try {
    const outcome = await runGraph({
      graph: run.input,
      scope: run.scope,
      targetNodeIds: run.targetNodeIds,
      catalogue,
      concurrency: config.GALAXY_RUN_CONCURRENCY,
      nodeTimeoutMs: config.GALAXY_NODE_TIMEOUT_MS,
      signal: controller.signal,
      stopSignal: stop.signal,
      completed: progress?.completed,
      lookupCached: (nodeId, cacheKey) =>
        retryWhileUnavailable(() => findCachedOutput(handle, run.userId, nodeId, cacheKey), { toleranceMs: outageToleranceMs }),
      executeNode,
      hooks: {
        onNodeStart: (event) => {
          log.debug({ nodeId: event.nodeId, nodeType: event.nodeType, attempt: event.attempt }, "node started");
          inFlight.add(event.nodeId);
          // A retry: the previous attempt's last text goes out before the RUNNING that starts it over.
          const sent = event.attempt > 1 ? streams.flush(event.nodeId) : undefined;
          return sent ? sent.then(() => recorder.nodeStart(event)) : recorder.nodeStart(event);
        },
        onNodeFinish: (event) => {
          const { nodeId, nodeType, status, cached, attempts, durationMs } = event;
          log.debug({ nodeId, nodeType, status, cached, attempts, durationMs }, "node finished");
          inFlight.delete(nodeId);
          // Its pending text goes out before its final event; stopped mid-stream, it keeps that text.
          const streamed = streams.end(nodeId);
          const finished = withPartialText(event, streamed?.text);
          return streamed?.sent ? streamed.sent.then(() => recorder.nodeFinish(finished)) : recorder.nodeFinish(finished);
        },
        onLog: record,
        onRunFinish: async (event) => {
          await streams.close();
          await recorder.drain().catch(() => undefined);
          if ((options.signal?.aborted && event.status === "CANCELED") || (event.errorCode === WORKER_SHUTDOWN && !persistFailure)) {
            // Shutting down, not canceled or failed: the run stays RUNNING for another worker to resume.
            handedOver = true;
            log.info("worker shutting down: run handed over, what finished is recorded");
            return;
          }
          if (persistFailure) {
            // A failed write is unexpected: its stack is kept (server-side only, never sent).
            event = { ...event, status: "FAILED", error: `could not record progress: ${persistFailure.message}`, errorStack: persistFailure.stack ?? persistFailure.message };
          }
          // The amounts as they ended, calls in flight at the stop included.
          if (event.errorCode === BUDGET_EXCEEDED) event = { ...event, error: meter.describeStop(event.error) };
          const final = event;
          ({ jobCompleted } = await retryWhileUnavailable(() => finishRun(handle, runId, final, options.job), { toleranceMs: outageToleranceMs }));
          log.info({ status: event.status, durationMs: event.durationMs }, "run finished");
          // A bug or a failed write, not a user's mistake: the operator needs its stack.
          if (event.errorStack) log.error({ err: { message: event.error, stack: event.errorStack } }, "run failed on an unexpected error");
        },
      },
    });
    return handedOver ? { kind: "handed-over" } : { kind: "finished", outcome, jobCompleted };
  } finally {
    clearInterval(heartbeat);
    void streams.close();
    offCancel();
    options.signal?.removeEventListener("abort", onShutdown);
    options.drain?.removeEventListener("abort", onDrain);
  }
}

function logRunEvent(log: Logger, event: LogEvent): void {
  log.debug({ nodeId: event.nodeId, runLogLevel: event.level, metadata: event.metadata }, event.message);
}

function withoutInput<T extends { input?: unknown; resumed?: boolean }>(run: T): Omit<T, "input" | "resumed"> {
  const { input: _input, resumed: _resumed, ...rest } = run;
  return rest;
}
