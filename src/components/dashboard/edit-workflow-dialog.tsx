"use client";
import { useState } from "react";
import { Modal } from "@/components/ui/modal";
import { errorText } from "@/lib/client/api";
import type { Workflow, WorkflowSummary } from "@/lib/client/types";
import { patchWorkflow } from "@/lib/client/workflows-api";

/** Rename a workflow and edit its tags (comma-separated). */
export function EditWorkflowDialog({ workflow, onClose, onSaved }: { workflow: WorkflowSummary; onClose: () => void; onSaved: (w: Workflow) => Promise<void> }) {
  const [name, setName] = useState(workflow.name);
  const [tags, setTags] = useState(workflow.tags.join(", "));
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    try {
      const tagList = [...new Set(tags.split(",").map((t) => t.trim().toLowerCase()).filter(Boolean))];
      await onSaved(await patchWorkflow(workflow.id, workflow.version, { name: name.trim() || workflow.name, tags: tagList }));
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Modal title="Rename workflow" onClose={onClose} testId="edit-dialog">
      <form onSubmit={(e) => (e.preventDefault(), void save())} className="space-y-3">
        <label className="block text-sm">
          Name
          <input className="mt-1 w-full rounded-md border border-line bg-black/30 px-2.5 py-1.5" value={name} onChange={(e) => setName(e.currentTarget.value)} data-testid="edit-name" />
        </label>
        <label className="block text-sm">
          Tags <span className="text-zinc-500">(comma-separated)</span>
          <input className="mt-1 w-full rounded-md border border-line bg-black/30 px-2.5 py-1.5" value={tags} onChange={(e) => setTags(e.currentTarget.value)} data-testid="edit-tags" />
        </label>
        {error && <p role="alert" className="text-sm text-red-300">{error}</p>}
        <div className="flex justify-end gap-2">
          <button type="button" className="rounded-md border border-line px-3 py-1.5 text-sm" onClick={onClose}>Cancel</button>
          <button type="submit" className="rounded-md bg-violet-600 px-3 py-1.5 text-sm font-medium hover:bg-violet-500" data-testid="edit-save">Save</button>
        </div>
      </form>
    </Modal>
  );
}
