/** One saved version in the panel: number, name, time, author, size, marks; a click previews it. */
"use client";
import { formatRelative } from "@/components/ui/format";
import type { VersionSummary } from "@/lib/client/versions-api";
import { previewVersion } from "@/stores/actions/preview-version";

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function VersionRow({ version: v, previewing }: { version: VersionSummary; previewing: boolean }) {
  const spans = v.lastVersion > v.version;
  const range = spans ? `v${v.version}–v${v.lastVersion}` : `v${v.version}`;
  const author = v.author ? (v.author.name ?? v.author.email) : "unknown author";
  return (
    <li>
      <button
        type="button"
        data-testid="version-row"
        data-version={v.version}
        data-last-version={v.lastVersion}
        data-current={v.current ? "true" : undefined}
        aria-current={previewing ? "true" : undefined}
        title={spans ? `Preview version ${v.version} (saves ${range} had this same graph)` : `Preview version ${v.version}`}
        className={`flex w-full flex-col gap-1 rounded-lg px-2.5 py-2 text-left hover:bg-white/5 focus-visible:bg-white/5 focus-visible:outline-none ${previewing ? "bg-violet-500/15 ring-1 ring-violet-400/60" : ""}`}
        onClick={() => void previewVersion(v.version)}
      >
        <span className="flex items-center gap-2">
          <span className="font-mono text-xs text-zinc-200">{range}</span>
          {v.current && <span data-testid="version-current" className="rounded bg-emerald-500/15 px-1.5 py-0.5 text-[10px] font-semibold uppercase text-emerald-300">current</span>}
          {v.restoredFrom !== null && (
            <span data-testid="version-restored-from" className="rounded bg-sky-500/15 px-1.5 py-0.5 text-[10px] text-sky-200">
              restored from v{v.restoredFrom}
            </span>
          )}
          <time dateTime={v.createdAt} title={new Date(v.createdAt).toLocaleString()} className="ml-auto shrink-0 text-xs text-zinc-500">
            {formatRelative(v.createdAt)}
          </time>
        </span>
        {v.message && <span data-testid="version-message" className="truncate text-sm font-medium text-zinc-100" title={v.message}>{v.message}</span>}
        <span className="flex items-center gap-2 text-xs text-zinc-500">
          <span className="truncate" title={v.author?.email}>{author}</span>
          <span className="ml-auto shrink-0 tabular-nums" data-testid="version-counts">
            {plural(v.nodeCount, "node")} · {plural(v.edgeCount, "edge")}
          </span>
        </span>
      </button>
    </li>
  );
}
