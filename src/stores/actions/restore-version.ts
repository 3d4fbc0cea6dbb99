/**
 * Restoring a saved version: pending edits are saved first (so the graph being replaced is a
 * version too), then the server saves the old graph as the newest version and the editor
 * loads it as one undoable step — Ctrl+Z brings the previous graph back, and autosave then
 * saves that as another version.
 */
import { errorText } from "@/lib/client/api";
import { clearDraft } from "@/lib/client/drafts";
import { fromWireGraph } from "@/lib/client/graph-wire";
import { getQueryClient } from "@/lib/client/queries/query-client";
import { invalidateVersionLists } from "@/lib/client/queries/versions";
import { invalidateWorkflowLists } from "@/lib/client/queries/workflows";
import type { Workflow } from "@/lib/client/types";
import { restoreVersion as restoreVersionApi } from "@/lib/client/versions-api";
import { useEditorStore } from "../editor-store";
import { useGraphStore } from "../graph-store";
import { toast } from "../toast-store";
import { closeVersionPreview } from "./preview-version";
import { saveNow, withSaveTurn } from "./save-workflow";

/** Restores `version` of the open workflow. Resolves true once the editor shows it; says why in a toast otherwise. */
export async function restoreVersion(version: number): Promise<boolean> {
  const workflowId = useEditorStore.getState().workflowId;
  if (!workflowId) return false;
  if (!(await saveNow())) {
    const { conflict, error } = useEditorStore.getState();
    toast(`Not restored: ${conflict ? "resolve the conflict with the other version first" : `your changes are not saved (${error ?? "save failed"})`}`, "error");
    return false;
  }
  try {
    // In the save queue's turn, so no autosave goes out with the version this replaces (it would look like a conflict).
    const restored = await withSaveTurn(async () => {
      const workflow = await restoreVersionApi(workflowId, version);
      showRestored(workflow);
      return workflow;
    });
    toast(`Restored version ${version} as version ${restored.version}`, "success");
    return true;
  } catch (error) {
    toast(`Could not restore version ${version}: ${errorText(error)}`, "error");
    return false;
  } finally {
    void invalidateVersionLists(getQueryClient());
    void invalidateWorkflowLists(getQueryClient());
  }
}

/** The saved workflow in the editor as one undo step; nothing left to save (the server has it). */
function showRestored(workflow: Workflow): void {
  closeVersionPreview();
  const { nodes, edges } = fromWireGraph(workflow);
  useGraphStore.getState().replace(nodes, edges);
  const editor = useEditorStore.getState();
  editor.set({
    ...(editor.nameDirty ? {} : { name: workflow.name }),
    version: workflow.version,
    settings: workflow.settings ?? {},
    savedRevision: useGraphStore.getState().revision,
    status: editor.nameDirty ? "dirty" : "saved",
    error: null,
  });
  if (!editor.nameDirty) clearDraft(workflow.id);
}
