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
import { logger, type Logger } from "../log";
import { claimRun } from "./claim-run";
import { findCachedOutput } from "./find-cached-output";
import { finishRun } from "./finish-run";
import { loadRunProgress } from "./load-run-progress";
import { RunRecorder } from "./run-recorder";

export type ExecuteRunResult =
  | { kind: "finished"; outcome: RunOutcome }
  | { kind: "missing" }
  | { kind: "already-final" };

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
  let persistFailure: Error | undefined;
  const recorder = new RunRecorder(handle, runId, {
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
  });

  try {
    const outcome = await runGraph({
      graph: run.input,
      scope: run.scope,
      targetNodeIds: run.targetNodeIds,
      concurrency: config.GALAXY_RUN_CONCURRENCY,
      nodeTimeoutMs: config.GALAXY_NODE_TIMEOUT_MS,
      signal: controller.signal,
      completed: progress?.completed,
      lookupCached: (nodeId, cacheKey) => findCachedOutput(handle, run.userId, nodeId, cacheKey),
      executeNode,
      hooks: {
        onNodeStart: (event) => {
          log.debug({ nodeId: event.nodeId, nodeType: event.nodeType, attempt: event.attempt }, "node started");
          return recorder.nodeStart(event);
        },
        onNodeFinish: (event) => {
          const { nodeId, nodeType, status, cached, attempts, durationMs } = event;
          log.debug({ nodeId, nodeType, status, cached, attempts, durationMs }, "node finished");
          return recorder.nodeFinish(event);
        },
        onLog: record,
        onRunFinish: async (event) => {
          await recorder.drain().catch(() => undefined);
          if (options.signal?.aborted && event.status === "CANCELED") {
            // Shutting down, not canceled: leave the run RUNNING so the queue's retry resumes it.
            throw new Error("worker shut down before the run finished");
          }
          if (persistFailure) {
            // A failed write is unexpected: its stack is kept (server-side only, never sent).
            event = { ...event, status: "FAILED", error: `could not record progress: ${persistFailure.message}`, errorStack: persistFailure.stack ?? persistFailure.message };
          }
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
