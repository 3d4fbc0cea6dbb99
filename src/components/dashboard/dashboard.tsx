/** `/workflows`: the user's workflows with search, tags, create, template, import, rename, duplicate, delete. */
"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { AppHeader } from "@/components/ui/app-header";
import { Modal } from "@/components/ui/modal";
import { errorText } from "@/lib/client/api";
import { invalidateWorkflowLists } from "@/lib/client/queries/workflows";
import type { WorkflowSummary } from "@/lib/client/types";
import { createFromTemplate, createWorkflow, deleteWorkflow, duplicateWorkflow } from "@/lib/client/workflows-api";
import { EditWorkflowDialog } from "./edit-workflow-dialog";
import { importFile } from "./import-file";
import { useWorkflowList } from "./use-workflow-list";
import { WorkflowCard } from "./workflow-card";

const BTN = "rounded-md border border-line px-3 py-2 text-sm hover:bg-white/10 disabled:opacity-50";

export function Dashboard({ email }: { email: string }) {
  const router = useRouter();
  const client = useQueryClient();
  const [q, setQ] = useState("");
  const [tag, setTag] = useState<string | null>(null);
  const list = useWorkflowList(q, tag);
  const [editing, setEditing] = useState<WorkflowSummary | null>(null);
  const [deleting, setDeleting] = useState<WorkflowSummary | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const tags = [...new Set([...list.items.flatMap((w) => w.tags), ...(tag ? [tag] : [])])].sort();

  const attempt = async (what: string, fn: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(`${what} failed: ${errorText(e)}`);
    } finally {
      setBusy(null);
    }
  };
  // Every change refetches the lists; a new workflow opens at once, the list catches up behind it.
  const refetchLists = () => invalidateWorkflowLists(client);
  const open = ({ id }: { id: string }) => {
    void refetchLists();
    router.push(`/workflows/${id}`);
  };

  return (
    <div className="min-h-screen bg-canvas">
      <AppHeader email={email} current="workflows" />
      <main className="mx-auto max-w-6xl px-6 py-8">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="mr-auto text-2xl font-semibold tracking-tight">Workflows</h1>
          <button type="button" className={BTN} disabled={!!busy} data-testid="import-workflow" onClick={() => file.current?.click()}>Import JSON</button>
          <input ref={file} type="file" accept=".json,application/json" hidden data-testid="import-workflow-file" onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            e.currentTarget.value = "";
            if (f) void attempt("Import", async () => open(await importFile(f)));
          }} />
          <button type="button" className={BTN} disabled={!!busy} data-testid="new-from-template" onClick={() => void attempt("Template", async () => open(await createFromTemplate()))}>
            {busy === "Template" ? "Creating…" : "New from template"}
          </button>
          <button type="button" className="rounded-md bg-violet-600 px-3 py-2 text-sm font-medium hover:bg-violet-500 disabled:opacity-50" disabled={!!busy} data-testid="new-workflow"
            onClick={() => void attempt("Create", async () => open(await createWorkflow({ name: "Untitled workflow" })))}>
            + New workflow
          </button>
        </div>
        <div className="mt-6 flex flex-wrap items-center gap-2">
          <input type="search" aria-label="Search workflows" data-testid="workflow-search" placeholder="Search workflows…" value={q} onChange={(e) => setQ(e.currentTarget.value)}
            className="w-72 rounded-md border border-line bg-panel px-3 py-2 text-sm placeholder:text-zinc-600 focus:border-violet-400 focus:outline-none" />
          {tags.map((t) => (
            <button key={t} type="button" aria-pressed={tag === t} onClick={() => setTag(tag === t ? null : t)}
              className={`rounded-full px-2.5 py-1 text-xs ${tag === t ? "bg-violet-600 text-white" : "bg-white/5 text-zinc-300 hover:bg-white/10"}`}>
              #{t}
            </button>
          ))}
        </div>
        {(error ?? list.error) && <p role="alert" className="mt-4 rounded-md bg-red-500/10 p-3 text-sm text-red-200">{error ?? list.error}</p>}
        <ul className="mt-6 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="workflow-list">
          {list.items.map((w) => (
            <WorkflowCard key={w.id} workflow={w} actions={{
              onEdit: setEditing,
              onDelete: setDeleting,
              onTag: (t) => setTag(t),
              onDuplicate: (x) => void attempt("Duplicate", async () => {
                await duplicateWorkflow(x.id);
                await refetchLists();
              }),
            }} />
          ))}
        </ul>
        {!list.loading && list.items.length === 0 && !list.error && (
          <div className="mt-16 text-center text-zinc-400">
            <p className="text-lg">{q || tag ? "No workflow matches." : "No workflows yet."}</p>
            {!q && !tag && <p className="mt-1 text-sm">Create one, or start from the Product Marketing Kit template.</p>}
          </div>
        )}
        {list.hasMore && <div className="mt-6 text-center"><button type="button" className={BTN} onClick={() => void list.more()}>Load more</button></div>}
      </main>
      {editing && <EditWorkflowDialog workflow={editing} onClose={() => setEditing(null)} onSaved={async () => {
        await refetchLists();
        setEditing(null);
      }} />}
      {deleting && (
        <Modal title={`Delete “${deleting.name}”?`} onClose={() => setDeleting(null)} testId="delete-dialog" role="alertdialog">
          <p className="text-sm text-zinc-400">The workflow is removed; its past runs stay in history. This cannot be undone.</p>
          <div className="mt-4 flex justify-end gap-2">
            <button type="button" className={BTN} data-autofocus onClick={() => setDeleting(null)}>Cancel</button>
            <button type="button" data-testid="confirm-delete" className="rounded-md bg-red-600 px-3 py-2 text-sm font-medium hover:bg-red-500" onClick={() => void attempt("Delete", async () => {
              await deleteWorkflow(deleting.id);
              await refetchLists();
              setDeleting(null);
            })}>Delete</button>
          </div>
        </Modal>
      )}
    </div>
  );
}
