/** Typed calls for `/api/workflows…` and the template route. */
import { api } from "./api";
import type { ApiAnswer, WireGraph, Workflow } from "./types";

export interface ListWorkflowsQuery {
  q?: string;
  tag?: string;
  cursor?: string;
  limit?: number;
}

export type WorkflowPage = ApiAnswer<"listWorkflows">;

export function listWorkflows(query: ListWorkflowsQuery = {}, signal?: AbortSignal): Promise<WorkflowPage> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== "") params.set(key, String(value));
  return api<WorkflowPage>(`/api/workflows?${params}`, { signal });
}

export async function getWorkflow(id: string): Promise<Workflow> {
  return (await api<{ workflow: Workflow }>(`/api/workflows/${encodeURIComponent(id)}`)).workflow;
}

export async function createWorkflow(input: { name: string; description?: string; tags?: string[] } & Partial<WireGraph>): Promise<Workflow> {
  const body = { nodes: [], edges: [], ...input };
  return (await api<{ workflow: Workflow }>("/api/workflows", { method: "POST", body })).workflow;
}

export type WorkflowPatch = Partial<{ name: string; description: string; tags: string[]; settings: Workflow["settings"] } & WireGraph>;

export async function patchWorkflow(id: string, version: number, patch: WorkflowPatch): Promise<Workflow> {
  const body = { ...patch, version };
  return (await api<{ workflow: Workflow }>(`/api/workflows/${encodeURIComponent(id)}`, { method: "PATCH", body })).workflow;
}

export async function deleteWorkflow(id: string): Promise<void> {
  await api(`/api/workflows/${encodeURIComponent(id)}`, { method: "DELETE" });
}

export async function duplicateWorkflow(id: string): Promise<Workflow> {
  return (await api<{ workflow: Workflow }>(`/api/workflows/${encodeURIComponent(id)}/duplicate`, { method: "POST" })).workflow;
}

export async function importWorkflow(json: unknown): Promise<Workflow> {
  return (await api<{ workflow: Workflow }>("/api/workflows/import", { method: "POST", body: json })).workflow;
}

export async function exportWorkflow(id: string): Promise<unknown> {
  return api<unknown>(`/api/workflows/${encodeURIComponent(id)}/export`);
}

export async function createFromTemplate(): Promise<Workflow> {
  return (await api<{ workflow: Workflow }>("/api/templates/product-marketing-kit", { method: "POST" })).workflow;
}
