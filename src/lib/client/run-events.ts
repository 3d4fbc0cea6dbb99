/**
 * Follows one run live through `GET /api/execute/{runId}/events` (SSE). When the stream
 * cannot be opened or drops, it falls back to polling `GET /api/execute/{runId}` once a
 * second, so the canvas always ends up with the final state (without the growing text of
 * `delta` events: a polled run shows each answer when its node finishes).
 */
import { getRun } from "./runs-api";
import type { ExecutionLog, NodeResult, RunRow, RunStreamData, TextDelta } from "./types";

export interface RunEventHandlers {
  onSnapshot: (run: RunRow, nodeResults: NodeResult[]) => void;
  onNode: (result: NodeResult) => void;
  /** Text an LLM node streamed: append it, or start over when `attempt` grew (a retry). */
  onDelta: (delta: TextDelta) => void;
  onRun: (run: RunRow) => void;
  onLog: (log: ExecutionLog) => void;
  onEnd: () => void;
}

const FINAL = new Set(["COMPLETED", "FAILED", "CANCELED"]);

function parse<T>(event: MessageEvent): T | null {
  try {
    return JSON.parse(event.data as string) as T;
  } catch {
    return null;
  }
}

/** Returns a function that stops following. */
export function followRun(runId: string, handlers: RunEventHandlers): () => void {
  let stopped = false;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  const source = new EventSource(`/api/execute/${encodeURIComponent(runId)}/events`);

  const finish = () => {
    if (stopped) return;
    stopped = true;
    source.close();
    clearTimeout(pollTimer);
    handlers.onEnd();
  };

  const poll = async () => {
    if (stopped) return;
    try {
      const run = await getRun(runId);
      handlers.onSnapshot(run, run.nodeResults ?? []);
      for (const log of run.executionLogs ?? []) handlers.onLog(log);
      if (FINAL.has(run.status)) return finish();
    } catch {
      /* keep trying: the server may be restarting */
    }
    pollTimer = setTimeout(poll, 1000);
  };

  source.addEventListener("snapshot", (e) => {
    const data = parse<RunStreamData["snapshot"]>(e as MessageEvent);
    if (data) handlers.onSnapshot(data.run, data.nodeResults);
  });
  source.addEventListener("node", (e) => {
    const data = parse<RunStreamData["node"]>(e as MessageEvent);
    if (data) handlers.onNode(data);
  });
  source.addEventListener("delta", (e) => {
    const data = parse<TextDelta>(e as MessageEvent);
    if (data && typeof data.nodeId === "string" && typeof data.text === "string") handlers.onDelta(data);
  });
  source.addEventListener("run", (e) => {
    const data = parse<RunStreamData["run"]>(e as MessageEvent);
    if (data) handlers.onRun(data);
  });
  source.addEventListener("log", (e) => {
    const data = parse<RunStreamData["log"]>(e as MessageEvent);
    if (data) handlers.onLog(data);
  });
  source.addEventListener("end", () => {
    // One last read so the final outputs and logs are exact even if an event was missed.
    source.close();
    void poll();
  });
  source.onerror = () => {
    if (stopped) return;
    source.close();
    clearTimeout(pollTimer);
    pollTimer = setTimeout(poll, 500);
  };

  return () => {
    stopped = true;
    source.close();
    clearTimeout(pollTimer);
  };
}
