/**
 * What a resumed run already has: node results of this run. SUCCESS ones are handed to the
 * engine as `completed` (never re-executed); every row's id is kept so events carry it; what
 * their model calls used still counts against the run's budget. RUNNING ones were in flight
 * when the last worker was lost: they run again, and the run's log says so.
 */
import { getTableColumns } from "drizzle-orm";
import { sumUsage, type TUsage } from "@/contracts/usage";
import type { NodeOutputs, NodeStatus } from "@/engine";
import type { DatabaseHandle } from "../db/client";
import { nodeResults } from "../db/schema";
import { queryPrepared, selectColumns } from "./run-sql";

const { id, nodeId, status, output, cacheKey, usage } = getTableColumns(nodeResults);
const PROGRESS_SQL = `SELECT ${selectColumns({ id, nodeId, status, output, cacheKey, usage })} FROM node_results WHERE run_id = $1`;

export interface RunProgress {
  completed: Map<string, { outputs: NodeOutputs; cacheKey: string }>;
  rowIds: Map<string, string>;
  /** What the run's model calls used before (its node results' usage summed). */
  used: TUsage | null;
  /** Nodes left RUNNING by the lost worker (in flight when it died). */
  interrupted: string[];
}

export async function loadRunProgress(handle: DatabaseHandle, runId: string): Promise<RunProgress> {
  const rows = await queryPrepared<{ id: string; nodeId: string; status: NodeStatus; output: NodeOutputs | null; cacheKey: string | null; usage: TUsage | null }>(
    handle,
    "galaxy_run_progress",
    PROGRESS_SQL,
    [runId],
  );
  const completed: RunProgress["completed"] = new Map();
  const rowIds = new Map<string, string>();
  const interrupted: string[] = [];
  for (const row of rows) {
    rowIds.set(row.nodeId, row.id);
    if (row.status === "RUNNING") interrupted.push(row.nodeId);
    if (row.status === "SUCCESS" && row.output) completed.set(row.nodeId, { outputs: row.output, cacheKey: row.cacheKey ?? "" });
  }
  return { completed, rowIds, used: sumUsage(rows.map((row) => row.usage)), interrupted };
}
