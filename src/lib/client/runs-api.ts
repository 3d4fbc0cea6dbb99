/** Typed calls for `/api/execute…` and `/api/runs`. */
import { api } from "./api";
import type { Run } from "./types";

export async function startRun(workflowId: string, nodeIds?: string[]): Promise<string> {
  const body = nodeIds ? { workflowId, nodeIds } : { workflowId };
  return (await api<{ runId: string }>("/api/execute", { method: "POST", body })).runId;
}

export async function getRun(runId: string): Promise<Run> {
  return (await api<{ run: Run }>(`/api/execute/${encodeURIComponent(runId)}`)).run;
}

export async function cancelRun(runId: string): Promise<void> {
  await api(`/api/execute/${encodeURIComponent(runId)}/cancel`, { method: "POST" });
}

export interface RunPage {
  runs: Run[];
  total: number;
  hasMore: boolean;
}

export function listRuns(workflowId: string, skip = 0, limit = 20): Promise<RunPage> {
  const params = new URLSearchParams({ workflowId, skip: String(skip), limit: String(limit) });
  return api<RunPage>(`/api/runs?${params}`);
}
