/** A save hit a newer version: keep both visible and let the user choose. Nothing is discarded silently. */
"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { resolveKeepMine, resolveSaveCopy, resolveTakeTheirs } from "@/stores/actions/save-workflow";
import { useEditorStore } from "@/stores/editor-store";
import { formatRelative } from "@/components/ui/format";

export function ConflictDialog() {
  const conflict = useEditorStore((s) => s.conflict);
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  if (!conflict) return null;
  const { theirs, mine } = conflict;

  const act = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-black/70">
      <div role="alertdialog" aria-modal="true" aria-labelledby="conflict-title" data-testid="conflict-dialog" className="w-[520px] rounded-xl border border-amber-500/40 bg-panel p-5 shadow-2xl">
        <h2 id="conflict-title" className="text-lg font-semibold">This workflow changed somewhere else</h2>
        <p className="mt-1 text-sm text-zinc-400">
          Another tab or person saved version {theirs.version} ({formatRelative(theirs.updatedAt)}) while you were editing. Both versions are kept until you choose.
        </p>
        <div className="mt-4 grid grid-cols-2 gap-3 text-sm">
          <div className="rounded-lg border border-violet-500/40 bg-violet-500/5 p-3">
            <div className="font-medium">Yours (this tab)</div>
            <div className="text-xs text-zinc-400">{mine.name} · {mine.graph.nodes.length} nodes, {mine.graph.edges.length} connections</div>
          </div>
          <div className="rounded-lg border border-line bg-panel-2 p-3">
            <div className="font-medium">Theirs (saved)</div>
            <div className="text-xs text-zinc-400">{theirs.name} · {theirs.nodes.length} nodes, {theirs.edges.length} connections</div>
          </div>
        </div>
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          <button type="button" disabled={busy} data-testid="conflict-save-copy" className="rounded-md border border-line px-3 py-1.5 text-sm hover:bg-white/10" onClick={() => void act(async () => {
            const id = await resolveSaveCopy();
            if (!id) return;
            resolveTakeTheirs();
            router.push(`/workflows/${id}`);
          })}>
            Save mine as a copy
          </button>
          <button type="button" disabled={busy} data-testid="conflict-take-theirs" className="rounded-md border border-line px-3 py-1.5 text-sm hover:bg-white/10" onClick={() => resolveTakeTheirs()}>
            Take theirs
          </button>
          <button type="button" disabled={busy} data-testid="conflict-keep-mine" className="rounded-md bg-violet-600 px-3 py-1.5 text-sm font-medium hover:bg-violet-500" onClick={() => void act(resolveKeepMine)}>
            Keep mine (overwrite)
          </button>
        </div>
      </div>
    </div>
  );
}
