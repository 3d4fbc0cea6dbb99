/**
 * Live run state for the canvas: the active run, each node's latest result (what the
 * node shows inline), readiness problems reported by the server, and the run's logs.
 */
import { create } from "zustand";
import type { ExecutionLog, NodeResult, RunRow, RunScope, RunStatus } from "@/lib/client/types";

interface RunState {
  activeRunId: string | null;
  status: RunStatus | null;
  scope: RunScope | null;
  results: Record<string, NodeResult>;
  problems: Record<string, string[]>;
  logs: ExecutionLog[];
  begin: (runId: string, scope: RunScope, nodeIds: string[]) => void;
  applyRun: (run: RunRow) => void;
  applyNode: (result: NodeResult) => void;
  addLog: (log: ExecutionLog) => void;
  end: () => void;
  /** Show a finished run's results on the canvas (after a reload). */
  showResults: (results: NodeResult[]) => void;
  setProblems: (problems: Record<string, string[]>) => void;
  clearProblem: (nodeId: string) => void;
  reset: () => void;
}

const initial = { activeRunId: null, status: null, scope: null, results: {}, problems: {}, logs: [] };

export const useRunStore = create<RunState>()((set, get) => ({
  ...initial,
  begin: (runId, scope, nodeIds) => {
    const results = { ...get().results };
    // Nodes in scope start fresh so stale outputs never look like this run's.
    for (const id of nodeIds) if (results[id]) results[id] = { ...results[id], status: "IDLE", error: null };
    set({ activeRunId: runId, status: "QUEUED", scope, results, problems: {}, logs: [] });
  },
  applyRun: (run) => {
    if (run.id !== get().activeRunId) return;
    set({ status: run.status, scope: run.scope ?? get().scope });
  },
  applyNode: (result) => set({ results: { ...get().results, [result.nodeId]: result } }),
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
