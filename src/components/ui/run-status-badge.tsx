import type { RunStatus } from "@/lib/client/types";

const STYLE: Record<RunStatus, string> = {
  COMPLETED: "bg-emerald-500/15 text-emerald-300 border-emerald-500/30",
  FAILED: "bg-red-500/15 text-red-300 border-red-500/30",
  CANCELED: "bg-zinc-500/20 text-zinc-300 border-zinc-500/30",
  RUNNING: "bg-violet-500/20 text-violet-200 border-violet-500/30",
  QUEUED: "bg-sky-500/15 text-sky-200 border-sky-500/30",
};

/**
 * The words a person reads for a run's outcome: the run's own status, the same everywhere
 * (history, run details, compare, dashboard). A run with a failed node is "failed", even when
 * other nodes succeeded; how much of the workflow it covered is its scope, shown beside it.
 */
export function runStatusLabel(status: RunStatus): string {
  switch (status) {
    case "COMPLETED":
      return "success";
    case "FAILED":
      return "failed";
    case "CANCELED":
      return "canceled";
    case "RUNNING":
      return "running";
    case "QUEUED":
      return "queued";
  }
}

export function RunStatusBadge({ status }: { status: RunStatus }) {
  return (
    <span data-testid="run-badge" data-status={status} className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-[11px] font-medium ${STYLE[status]}`}>
      {status === "RUNNING" && <span className="h-1.5 w-1.5 animate-pulse rounded-full bg-violet-300" />}
      {runStatusLabel(status)}
    </span>
  );
}
