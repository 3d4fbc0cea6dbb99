/**
 * What a resumed run already has: node results of this run. SUCCESS ones are handed to the
 * engine as `completed` (never re-executed); every row's id is kept so events carry it.
 */
import type { NodeOutputs } from "@/engine";
import type { DatabaseHandle } from "../db/client";
import type { NodeStatus } from "../db/schema";
import { queryPrepared } from "./run-sql";

const PROGRESS_SQL = `SELECT id, node_id AS "nodeId", status, output, cache_key AS "cacheKey" FROM node_results WHERE run_id = $1`;

export interface RunProgress {
  completed: Map<string, { outputs: NodeOutputs; cacheKey: string }>;
  rowIds: Map<string, string>;
}

export async function loadRunProgress(handle: DatabaseHandle, runId: string): Promise<RunProgress> {
  const rows = await queryPrepared<{ id: string; nodeId: string; status: NodeStatus; output: NodeOutputs | null; cacheKey: string | null }>(
    handle,
    "galaxy_run_progress",
    PROGRESS_SQL,
    [runId],
  );
  const completed: RunProgress["completed"] = new Map();
  const rowIds = new Map<string, string>();
  for (const row of rows) {
    rowIds.set(row.nodeId, row.id);
    if (row.status === "SUCCESS" && row.output) completed.set(row.nodeId, { outputs: row.output, cacheKey: row.cacheKey ?? "" });
  }
  return { completed, rowIds };
}
