/** Typed call for `GET /api/runs/compare`: two runs side by side, node by node. */
import { api } from "./api";
import type { ApiAnswer } from "./types";

export type RunComparison = ApiAnswer<"compareRuns">;

export function compareRuns(a: string, b: string, signal?: AbortSignal): Promise<RunComparison> {
  const params = new URLSearchParams({ a, b });
  return api<RunComparison>(`/api/runs/compare?${params}`, { signal });
}
