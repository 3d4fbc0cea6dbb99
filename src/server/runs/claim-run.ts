/**
 * Claims a run for execution by compare-and-set. A QUEUED run is claimed at once. A
 * RUNNING run is claimed only when its heartbeat is older than the lease: its worker died,
 * and this delivery (a queue retry) takes over. While another worker's heartbeat is fresh,
 * the claim waits: two workers never execute one run. A final run is never touched again.
 * A wait cut short by `signal` (this worker shutting down) claims nothing and settles nothing:
 * the caller must leave its job to be retried, since the other worker may still die.
 */
import type { RunScope, RunStatus, TGraph } from "@/engine";
import { sleep } from "@/engine/retry";
import type { DatabaseHandle } from "../db/client";
import { workflowRuns } from "../db/schema";
import { encodeNotice, notifySql } from "../events/remote-notice";
import { RUN_ROW_COLUMNS, type RunRow } from "../events/run-events";
import { heartbeatOlderThan, queryNotifying, queryPrepared, selectColumns } from "./run-sql";

const CLAIM_SQL = `
WITH prev AS (
  SELECT id, status FROM workflow_runs WHERE id = $1 FOR UPDATE
), c AS (
  UPDATE workflow_runs r SET status = 'RUNNING', started_at = coalesce(r.started_at, now()), updated_at = now()
  FROM prev
  WHERE r.id = prev.id
    AND (prev.status = 'QUEUED' OR (prev.status = 'RUNNING' AND ${heartbeatOlderThan("$2", "r")}))
  RETURNING ${selectColumns({ ...RUN_ROW_COLUMNS, input: workflowRuns.input }, "r")}, prev.status AS "previousStatus"
)
SELECT c.*, ${notifySql("$3")} FROM c`;

const PEEK_SQL = `SELECT status, ${heartbeatOlderThan("$2")} AS stale FROM workflow_runs WHERE id = $1`;

export interface ClaimedRun extends RunRow {
  input: TGraph;
  scope: RunScope;
  /** True when this claim takes over from a worker that died. */
  resumed: boolean;
}

export type ClaimResult =
  | { kind: "claimed"; run: ClaimedRun }
  | { kind: "missing" }
  | { kind: "final"; status: RunStatus }
  /** Still held by another live worker when `signal` aborted the wait: not this worker's to settle. */
  | { kind: "interrupted" };

export async function claimRun(
  handle: DatabaseHandle,
  runId: string,
  leaseSeconds: number,
  options: { signal?: AbortSignal } = {},
): Promise<ClaimResult> {
  const notice = encodeNotice(handle, { r: runId, run: 1 });
  for (;;) {
    const row = await queryNotifying<Omit<ClaimedRun, "resumed"> & { previousStatus: RunStatus }>(handle, "galaxy_run_claim", CLAIM_SQL, [runId, leaseSeconds, notice]);
    if (row) {
      const { previousStatus, ...run } = row;
      return { kind: "claimed", run: { ...run, resumed: previousStatus === "RUNNING" } };
    }
    const [peek] = await queryPrepared<{ status: RunStatus; stale: boolean }>(handle, "galaxy_run_peek", PEEK_SQL, [runId, leaseSeconds]);
    if (!peek) return { kind: "missing" };
    if (peek.status !== "RUNNING" && peek.status !== "QUEUED") return { kind: "final", status: peek.status };
    // Another worker holds it and is alive: wait for it to finish or go quiet.
    if (options.signal?.aborted) return { kind: "interrupted" };
    await sleep(Math.max(100, (leaseSeconds * 1000) / 3), options.signal); // a shutdown ends the wait at once
  }
}
