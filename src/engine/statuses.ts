/**
 * Run and node statuses, run scopes and log levels: the one definition of each list. The
 * server's Postgres enums are built from these (`src/server/db/schema.ts`); predicates spare
 * callers comparing strings by hand.
 */
export const RUN_STATUSES = ["QUEUED", "RUNNING", "COMPLETED", "FAILED", "CANCELED"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
/** How a run can end; the engine never reports QUEUED or RUNNING as an outcome. */
export type FinalRunStatus = Extract<RunStatus, "COMPLETED" | "FAILED" | "CANCELED">;

export const NODE_STATUSES = ["IDLE", "RUNNING", "SUCCESS", "FAILED", "SKIPPED"] as const;
export type NodeStatus = (typeof NODE_STATUSES)[number];
/** How a node can end in a run. */
export type FinalNodeStatus = Extract<NodeStatus, "SUCCESS" | "FAILED" | "SKIPPED">;

export const RUN_SCOPES = ["FULL", "PARTIAL", "SINGLE"] as const;
export type RunScope = (typeof RUN_SCOPES)[number];

export const LOG_LEVELS = ["debug", "info", "warning", "error"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function isFinalRunStatus(status: RunStatus): status is FinalRunStatus {
  switch (status) {
    case "COMPLETED":
    case "FAILED":
    case "CANCELED":
      return true;
    case "QUEUED":
    case "RUNNING":
      return false;
  }
}

export function isFinalNodeStatus(status: NodeStatus): status is FinalNodeStatus {
  switch (status) {
    case "SUCCESS":
    case "FAILED":
    case "SKIPPED":
      return true;
    case "IDLE":
    case "RUNNING":
      return false;
  }
}
