"use client";
import Link from "next/link";
import { formatRelative } from "@/components/ui/format";
import { GraphPreview } from "./graph-preview";
import { RunStatusBadge } from "@/components/ui/run-status-badge";
import { UsageLine } from "@/components/ui/usage-line";
import type { WorkflowSummary } from "@/lib/client/types";

export interface CardActions {
  onEdit: (w: WorkflowSummary) => void;
  onDuplicate: (w: WorkflowSummary) => void;
  onDelete: (w: WorkflowSummary) => void;
  onTag: (tag: string) => void;
}

const ACTION = "rounded px-2 py-1 text-xs text-zinc-400 hover:bg-white/10 hover:text-white";

export function WorkflowCard({ workflow: w, actions }: { workflow: WorkflowSummary; actions: CardActions }) {
  return (
    <li data-testid="workflow-card" data-workflow-id={w.id} className="group flex flex-col rounded-xl border border-line bg-panel p-4 transition hover:border-violet-500/50">
      {/* The picture opens the workflow too, but the name's link is the one a keyboard or screen reader meets. */}
      <Link href={`/workflows/${w.id}`} tabIndex={-1} aria-hidden className="mb-3 block">
        <GraphPreview preview={w.preview} />
      </Link>
      <Link href={`/workflows/${w.id}`} className="text-base font-medium text-zinc-100 hover:text-violet-200" data-testid="workflow-open">
        {w.name}
      </Link>
      {w.description && <p className="mt-1 line-clamp-2 text-sm text-zinc-400">{w.description}</p>}
      <div className="mt-2 flex flex-wrap gap-1">
        {w.tags.map((t) => (
          <button key={t} type="button" className="rounded-full bg-white/5 px-2 py-0.5 text-[11px] text-zinc-300 hover:bg-violet-500/20" onClick={() => actions.onTag(t)}>
            #{t}
          </button>
        ))}
      </div>
      <div className="mt-auto flex flex-wrap items-center gap-x-2 gap-y-1 pt-3 text-xs text-zinc-500">
        <span data-testid="workflow-last-run" data-status={w.lastRun?.status ?? "NONE"} className="flex items-center gap-1.5">
          {w.lastRun ? (
            <>
              Last run <RunStatusBadge status={w.lastRun.status} /> {formatRelative(w.lastRun.createdAt)}
            </>
          ) : (
            "Never run"
          )}
        </span>
        <span>· Updated {formatRelative(w.updatedAt)}</span>
      </div>
      {w.usage30d && (
        <p className="mt-1 text-xs text-zinc-500" title={`${w.usage30d.runs} ${w.usage30d.runs === 1 ? "run" : "runs"} with model calls in the last 30 days`}>
          Last 30 days: <UsageLine usage={w.usage30d} testId="workflow-usage-30d" className="text-zinc-300" />
        </p>
      )}
      <div className="mt-2 flex gap-1 border-t border-line pt-2">
        <button type="button" className={ACTION} data-testid="workflow-edit" onClick={() => actions.onEdit(w)}>Rename</button>
        <button type="button" className={ACTION} data-testid="workflow-duplicate" onClick={() => actions.onDuplicate(w)}>Duplicate</button>
        <button type="button" className={`${ACTION} ml-auto hover:!text-red-300`} data-testid="workflow-delete" onClick={() => actions.onDelete(w)}>Delete</button>
      </div>
    </li>
  );
}
