/**
 * Upstream reuse for partial runs: the latest SUCCESS of this user's node with this id and
 * cache key (same type, parameters and inputs), from any earlier run.
 */
import type { NodeOutputs } from "@/engine";
import type { DatabaseHandle } from "../db/client";
import { queryPrepared } from "./run-sql";

const CACHED_SQL = `
SELECT nr.output FROM node_results nr JOIN workflow_runs r ON r.id = nr.run_id
WHERE nr.cache_key = $3 AND nr.node_id = $2 AND nr.status = 'SUCCESS' AND r.user_id = $1 AND nr.output IS NOT NULL
ORDER BY nr.completed_at DESC NULLS LAST LIMIT 1`;

export async function findCachedOutput(handle: DatabaseHandle, userId: string, nodeId: string, cacheKey: string): Promise<NodeOutputs | undefined> {
  const [row] = await queryPrepared<{ output: NodeOutputs }>(handle, "galaxy_cached_output", CACHED_SQL, [userId, nodeId, cacheKey]);
  return row?.output;
}
