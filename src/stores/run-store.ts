/**
 * Live run state for the canvas: the active run, each node's latest result (what the
 * node shows inline), the text LLM nodes have streamed so far, readiness problems reported
 * by the server, and the run's logs.
 */
import { create } from "zustand";
import type { ExecutionLog, NodeResult, RunRow, RunScope, RunStatus } from "@/lib/client/types";
import { appendDelta, dropStreams, replaceText, startAttempt, type NodeStreams, type TextDelta } from "./node-streams";

interface RunState {
  activeRunId: string | null;
  status: RunStatus | null;
  scope: RunScope | null;
  /** Why the live run failed, when it says (e.g. BUDGET_EXCEEDED with the cap and the amount used). */
  error: { code: string | null; message: string } | null;
  results: Record<string, NodeResult>;
  streams: NodeStreams;
  problems: Record<string, string[]>;
  logs: ExecutionLog[];
  begin: (runId: string, scope: RunScope, nodeIds: string[]) => void;
  applyRun: (run: RunRow) => void;
  applyNode: (result: NodeResult) => void;
  applyDelta: (delta: TextDelta) => void;
  addLog: (log: ExecutionLog) => void;
  end: () => void;
  /** Show a finished run's results on the canvas (after a reload). */
  showResults: (results: NodeResult[]) => void;
  setProblems: (problems: Record<string, string[]>) => void;
  clearProblem: (nodeId: string) => void;
  reset: () => void;
}

const initial = { activeRunId: null, status: null, scope: null, error: null, results: {}, streams: {}, problems: {}, logs: [] };

/** A running node's attempt (the server records it in `meta` from the second on). */
function attemptOf(result: NodeResult): number {
  const attempt = result.meta?.attempt;
  return typeof attempt === "number" && attempt > 0 ? attempt : 1;
}

export const useRunStore = create<RunState>()((set, get) => ({
  ...initial,
  begin: (runId, scope, nodeIds) => {
    const results = { ...get().results };
    // Nodes in scope start fresh so stale outputs never look like this run's.
    for (const id of nodeIds) if (results[id]) results[id] = { ...results[id], status: "IDLE", error: null };
    set({ activeRunId: runId, status: "QUEUED", scope, error: null, results, streams: dropStreams(get().streams, nodeIds), problems: {}, logs: [] });
  },
  applyRun: (run) => {
    if (run.id !== get().activeRunId) return;
    const error = run.errorMessage ? { code: run.errorCode ?? null, message: run.errorMessage } : null;
    set({ status: run.status, scope: run.scope ?? get().scope, error });
  },
  applyNode: (result) => {
    let streams = get().streams;
    if (result.status === "RUNNING") {
      const attempt = attemptOf(result);
      streams = startAttempt(streams, result.nodeId, attempt);
      // A snapshot carries the text so far of a node still streaming.
      const soFar = result.output?.output;
      if (typeof soFar === "string") streams = replaceText(streams, result.nodeId, attempt, soFar);
    }
    set({ results: { ...get().results, [result.nodeId]: result }, streams });
  },
  applyDelta: (delta) => set({ streams: appendDelta(get().streams, delta) }),
  addLog: (log) => {
    const logs = get().logs;
    if (logs.some((l) => l.timestamp === log.timestamp && l.message === log.message)) return;
    set({ logs: [...logs, log] });
  },
  end: () => set({ activeRunId: null }),
  showResults: (results) => {
    const merged = { ...get().results };
    for (const r of results) if (r.status !== "IDLE") merged[r.nodeId] = r;
    set({ results: merged });
  },
  setProblems: (problems) => set({ problems }),
  clearProblem: (nodeId) => {
    if (!get().problems[nodeId]) return;
    const problems = { ...get().problems };
    delete problems[nodeId];
    set({ problems });
  },
  reset: () => set({ ...initial }),
}));
