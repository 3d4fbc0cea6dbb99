import type { NodeResult, RunStatus } from "@/lib/client/types";

const STYLE: Record<string, string> = {
  success: "bg-emerald-500/15 text-emerald-300 border-emerald-500/30",
  failed: "bg-red-500/15 text-red-300 border-red-500/30",
  "partial success": "bg-amber-500/15 text-amber-200 border-amber-500/30",
  canceled: "bg-zinc-500/20 text-zinc-300 border-zinc-500/30",
  running: "bg-violet-500/20 text-violet-200 border-violet-500/30",
  queued: "bg-sky-500/15 text-sky-200 border-sky-500/30",
};

/** The words a person reads for a run's outcome; "partial success" = failed with some nodes done. */
export function runStatusLabel(status: RunStatus, nodeResults?: Pick<NodeResult, "status">[]): string {
  switch (status) {
    case "COMPLETED":
      return "success";
    case "FAILED":
      return nodeResults?.some((r) => r.status === "SUCCESS") ? "partial success" : "failed";
    case "CANCELED":
      return "canceled";
    case "RUNNING":
      return "running";
    case "QUEUED":
      return "queued";
  }
}

export function RunStatusBadge({ status, nodeResults }: { status: RunStatus; nodeResults?: Pick<NodeResult, "status">[] }) {
  const label = runStatusLabel(status, nodeResults);
  return (
    <span data-testid="run-badge" className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-[11px] font-medium ${STYLE[label]}`}>
      {label === "running" && <span className="h-1.5 w-1.5 animate-pulse rounded-full bg-violet-300" />}
      {label}
    </span>
  );
}
