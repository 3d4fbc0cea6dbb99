/**
 * The run executor: the one function every queue calls (pg-boss worker, `npm run worker`,
 * Trigger.dev task). Claims the run, runs the engine with hooks that persist every node
 * transition and log line, and records the outcome. Safe to call again for the same run
 * after a crash: nodes that already SUCCEEDED are passed to the engine as completed and
 * never re-executed; a final run is left alone.
 */
import "server-only";
import { EngineError, runGraph, type ExecuteNode, type RunOutcome } from "@/engine";
import { loadExecutor } from "@/nodes/executors";
import { getNodeDefinition } from "@/nodes/registry";
import { resolveNodeInput } from "@/nodes/resolve-input";
import { getDatabase } from "../db";
import { env } from "../env";
import { onCancelRequest, publishRunEvents } from "../events/run-events";
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
}

export async function executeRun(runId: string, options: ExecuteRunOptions = {}): Promise<ExecuteRunResult> {
  const handle = await getDatabase();
  const config = env();
  const claim = await claimRun(handle, runId, config.GALAXY_RUN_LEASE_SECONDS, { signal: options.signal });
  if (claim.kind === "missing") return { kind: "missing" };
  if (claim.kind === "final") return { kind: "already-final" };
  const run = claim.run;
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
    () => void recorder.heartbeat().catch((error: unknown) => console.error(`[runs] heartbeat of ${runId} failed:`, (error as Error).message)),
    Math.max(100, (config.GALAXY_RUN_LEASE_SECONDS * 1000) / 3),
  );
  heartbeat.unref();
  if (run.resumed) {
    recorder.log({
      level: "warning",
      message: `run resumed by another worker after its worker was lost; ${progress?.completed.size ?? 0} node(s) that succeeded are kept`,
    });
  }

  const executeNode: ExecuteNode = async (node, connected, signal) => {
    const def = getNodeDefinition(node.type);
    if (!def) throw new Error(`unknown node type "${node.type}"`);
    const resolved = resolveNodeInput(def, node.data, connected);
    if (!resolved.ok) throw new Error(resolved.problems.map((p) => `${p.field}: ${p.message}`).join("; "));
    const execute = await loadExecutor(node.type);
    return execute(resolved.value, {
      userId: run.userId,
      runId,
      nodeId: node.id,
      signal,
      log: (level, message, metadata) => recorder.log({ level, message, nodeId: node.id, ...(metadata && { metadata }) }),
    });
  };

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
        onNodeStart: (event) => recorder.nodeStart(event),
        onNodeFinish: (event) => recorder.nodeFinish(event),
        onLog: (event) => recorder.log(event),
        onRunFinish: async (event) => {
          await recorder.drain().catch(() => undefined);
          if (options.signal?.aborted && event.status === "CANCELED") {
            // Shutting down, not canceled: leave the run RUNNING so the queue's retry resumes it.
            throw new Error("worker shut down before the run finished");
          }
          if (persistFailure) {
            event = { ...event, status: "FAILED", error: `could not record progress: ${persistFailure.message}` };
          }
          await finishRun(handle, runId, event);
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

function withoutInput<T extends { input?: unknown; resumed?: boolean }>(run: T): Omit<T, "input" | "resumed"> {
  const { input: _input, resumed: _resumed, ...rest } = run;
  return rest;
}
