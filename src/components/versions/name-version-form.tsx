/**
 * Names the version the editor shows: pending edits are saved first, so the name goes to
 * what is on the canvas, then the list refetches and shows it.
 */
"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorText } from "@/lib/client/api";
import { invalidateVersionLists } from "@/lib/client/queries/versions";
import { nameVersion } from "@/lib/client/versions-api";
import { saveNow } from "@/stores/actions/save-workflow";
import { useEditorStore } from "@/stores/editor-store";

const MAX_NAME = 200;

export function NameVersionForm({ workflowId }: { workflowId: string }) {
  const client = useQueryClient();
  const [message, setMessage] = useState("");
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [named, setNamed] = useState<{ version: number; message: string } | null>(null);

  const save = async () => {
    const text = message.trim();
    if (!text) return setFailure("Type a name first");
    setSaving(true);
    setFailure(null);
    try {
      if (!(await saveNow())) throw new Error(useEditorStore.getState().error ?? "your changes are not saved yet");
      const version = await nameVersion(workflowId, text, useEditorStore.getState().version);
      setNamed({ version: version.version, message: version.message ?? text });
      setMessage("");
      await invalidateVersionLists(client);
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="space-y-1.5 border-b border-line px-3 pb-3" onSubmit={(e) => (e.preventDefault(), void save())}>
      <label htmlFor="version-name" className="block text-xs text-zinc-400">Name the current version</label>
      <div className="flex gap-2">
        <input
          id="version-name"
          data-testid="version-name-input"
          className="min-w-0 flex-1 rounded-md border border-line bg-black/30 px-2.5 py-1.5 text-sm focus:border-violet-400 focus:outline-none"
          placeholder="e.g. Before new prompts"
          maxLength={MAX_NAME}
          value={message}
          aria-invalid={failure ? true : undefined}
          aria-describedby={failure ? "version-name-error" : undefined}
          onChange={(e) => setMessage(e.currentTarget.value)}
        />
        <button type="submit" data-testid="version-name-save" disabled={saving} className="rounded-md bg-violet-600 px-3 py-1.5 text-sm font-medium hover:bg-violet-500 disabled:opacity-50">
          {saving ? "Saving…" : "Save"}
        </button>
      </div>
      {failure && <p id="version-name-error" role="alert" className="text-xs text-red-300">{failure}</p>}
      {named && !failure && (
        <p data-testid="version-named" role="status" className="truncate text-xs text-emerald-300" title={named.message}>
          Named v{named.version} “{named.message}”
        </p>
      )}
    </form>
  );
}
