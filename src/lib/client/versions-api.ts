/** Typed calls for `/api/workflows/{id}/versions…`: a workflow's saved versions (DESIGN §9). */
import { api } from "./api";
import type { ApiAnswer, Workflow } from "./types";

export type VersionPage = ApiAnswer<"listVersions">;
/** A version in the list: numbers, time, author, name, counts; no graph. */
export type VersionSummary = VersionPage["versions"][number];
/** One version with its graph. */
export type VersionDetail = ApiAnswer<"getVersion">["version"];

const base = (workflowId: string) => `/api/workflows/${encodeURIComponent(workflowId)}/versions`;

export function listVersions(workflowId: string, skip = 0, limit = 20, signal?: AbortSignal): Promise<VersionPage> {
  const params = new URLSearchParams({ skip: String(skip), limit: String(limit) });
  return api<VersionPage>(`${base(workflowId)}?${params}`, { signal });
}

export async function getVersion(workflowId: string, version: number, signal?: AbortSignal): Promise<VersionDetail> {
  return (await api<ApiAnswer<"getVersion">>(`${base(workflowId)}/${version}`, { signal })).version;
}

/** Names `version` (the current one when absent); a named version is never pruned. */
export async function nameVersion(workflowId: string, message: string, version?: number): Promise<VersionSummary> {
  const body = version === undefined ? { message } : { message, version };
  return (await api<ApiAnswer<"nameVersion">>(base(workflowId), { method: "POST", body })).version;
}

/** Saves that version's graph as the workflow's newest version; answers the workflow as saved. */
export async function restoreVersion(workflowId: string, version: number): Promise<Workflow> {
  return (await api<ApiAnswer<"restoreVersion">>(`${base(workflowId)}/${version}/restore`, { method: "POST" })).workflow;
}
