/** Typed calls for `/api/execute…` and `/api/runs`. */
import { api } from "./api";
import type { ApiAnswer, Run, WireGraph } from "./types";

/** Starts a run from the editor's canvas: `source: "editor"` tells it apart from API runs in history. */
export async function startRun(workflowId: string, nodeIds?: string[]): Promise<string> {
  const body = { workflowId, source: "editor", ...(nodeIds && { nodeIds }) };
  return (await api<{ runId: string }>("/api/execute", { method: "POST", body })).runId;
}

/** Runs `graph` (the canvas, unsaved) filed under the workflow; `nodeIds` as in `startRun`. */
export async function startRunOfGraph(workflowId: string, graph: WireGraph, nodeIds?: string[]): Promise<string> {
  const body = { workflowId, source: "editor", ...graph, ...(nodeIds && { nodeIds }) };
  return (await api<{ runId: string }>("/api/execute", { method: "POST", body })).runId;
}

export async function getRun(runId: string, signal?: AbortSignal): Promise<Run> {
  return (await api<{ run: Run }>(`/api/execute/${encodeURIComponent(runId)}`, { signal })).run;
}

export async function cancelRun(runId: string): Promise<void> {
  await api(`/api/execute/${encodeURIComponent(runId)}/cancel`, { method: "POST" });
}

export type RunPage = ApiAnswer<"listRuns">;

export function listRuns(workflowId: string, skip = 0, limit = 20, signal?: AbortSignal): Promise<RunPage> {
  const params = new URLSearchParams({ workflowId, skip: String(skip), limit: String(limit) });
  return api<RunPage>(`/api/runs?${params}`, { signal });
}
