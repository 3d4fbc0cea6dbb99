/**
 * Saving the open workflow: one save at a time (later requests wait and save the newest
 * graph), `version` sent for optimistic concurrency, a 409 turned into a conflict that
 * keeps both versions, and the local draft cleared only once the server has everything.
 * A body over the server's limit is not sent: the save fails at once, in words.
 */
import { ApiError, errorText } from "@/lib/client/api";
import { checkBodySize } from "@/lib/client/check-body-size";
import { clearDraft, writeDraft } from "@/lib/client/drafts";
import { formatSize } from "@/lib/client/size-limits";
import { fromWireGraph, graphFingerprint, toWireGraph } from "@/lib/client/graph-wire";
import { getQueryClient } from "@/lib/client/queries/query-client";
import { invalidateVersionLists } from "@/lib/client/queries/versions";
import { invalidateWorkflowLists } from "@/lib/client/queries/workflows";
import type { Workflow } from "@/lib/client/types";
import { createWorkflow, getWorkflow, patchWorkflow } from "@/lib/client/workflows-api";
import { useEditorStore } from "../editor-store";
import { useGraphStore } from "../graph-store";

let inFlight: Promise<boolean> | null = null;

export function isDirty(): boolean {
  const e = useEditorStore.getState();
  return e.nameDirty || useGraphStore.getState().revision !== e.savedRevision;
}

/** Keeps the unsaved graph in localStorage (called on every change). */
export function keepDraft(): void {
  const e = useEditorStore.getState();
  if (!e.workflowId || !isDirty()) return;
  const { nodes, edges } = useGraphStore.getState();
  writeDraft(e.workflowId, { graph: toWireGraph(nodes, edges), name: e.name, baseVersion: e.version });
}

/** Resolves once no save is in flight (opening a workflow waits, so a save made on leaving lands first). */
export async function savesSettled(): Promise<void> {
  while (inFlight) await inFlight;
}

/** Saves if anything changed. Resolves true when the server has this tab's latest graph. */
export function saveNow(): Promise<boolean> {
  if (inFlight) return inFlight.then(() => saveNow());
  const current = saveOnce().finally(() => {
    if (inFlight === current) inFlight = null;
  });
  inFlight = current;
  return current;
}

/**
 * Runs `write` (another PATCH of the open workflow, e.g. its settings) once no save is in
 * flight, and holds later saves until it ends: each PATCH then sends the version the previous
 * one returned, never a stale one that would look like a conflict.
 */
export async function withSaveTurn<T>(write: () => Promise<T>): Promise<T> {
  while (inFlight) await inFlight;
  const turn = write();
  const done = turn.then(
    () => true,
    () => false,
  );
  inFlight = done;
  try {
    return await turn;
  } finally {
    if (inFlight === done) inFlight = null;
  }
}

async function saveOnce(): Promise<boolean> {
  const editor = useEditorStore.getState();
  if (!editor.workflowId || editor.conflict) return false;
  if (!isDirty()) return true;
  const { nodes, edges, revision } = useGraphStore.getState();
  const graph = toWireGraph(nodes, edges);
  const name = editor.name.trim() || "Untitled workflow";
  const size = checkBodySize("workflow", { version: editor.version, ...graph, name }, graph, editor.maxBodyBytes);
  if (!size.ok) {
    editor.set({ status: "error", error: size.message });
    return false;
  }
  editor.set({ status: "saving", error: null });
  try {
    const saved = await patchWorkflow(editor.workflowId, editor.version, { ...graph, name });
    void invalidateWorkflowLists(getQueryClient()); // its card's name and "updated" moved
    void invalidateVersionLists(getQueryClient()); // the save made (or extended) a version
    const stillDirty = useGraphStore.getState().revision !== revision || useEditorStore.getState().name !== editor.name;
    useEditorStore.getState().set({
      version: saved.version,
      savedRevision: revision,
      nameDirty: useEditorStore.getState().name !== editor.name,
      status: stillDirty ? "dirty" : "saved",
    });
    if (!stillDirty) clearDraft(editor.workflowId);
    else keepDraft(); // the draft now builds on the version just saved
    return !stillDirty;
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      const theirs = await getWorkflow(editor.workflowId).catch(() => null);
      // The server already has exactly this (a save made while leaving, say): nothing to choose.
      if (theirs && theirs.name === name && graphFingerprint(wireGraphOf(theirs)) === graphFingerprint(graph)) {
        if (useGraphStore.getState().revision === revision) adoptServerWorkflow(theirs);
        else useEditorStore.getState().set({ version: theirs.version, status: "dirty" });
        return useGraphStore.getState().revision === revision;
      }
      if (theirs) {
        useEditorStore.getState().set({ status: "dirty", conflict: { theirs, mine: { graph, name } } });
        return false;
      }
    }
    useEditorStore.getState().set({ status: "error", error: saveErrorText(error) });
    return false;
  }
}

function saveErrorText(error: unknown): string {
  if (error instanceof ApiError && error.status === 413) {
    return `This workflow is larger than the server takes (${formatSize(useEditorStore.getState().maxBodyBytes)}). Shorten the biggest texts, then try again.`;
  }
  return errorText(error);
}

function wireGraphOf(workflow: Workflow) {
  const { nodes, edges } = fromWireGraph(workflow);
  return toWireGraph(nodes, edges);
}

/** "Keep mine": overwrite the server's copy, based on its current version. */
export async function resolveKeepMine(): Promise<void> {
  const { conflict, set } = useEditorStore.getState();
  if (!conflict) return;
  set({ conflict: null, version: conflict.theirs.version, nameDirty: true });
  await saveNow();
}

/** "Save mine as a copy": a new workflow with this tab's graph; returns its id. */
export async function resolveSaveCopy(): Promise<string | null> {
  const { conflict, set } = useEditorStore.getState();
  if (!conflict) return null;
  try {
    const copy = await createWorkflow({ name: `${conflict.mine.name} (my copy)`, ...conflict.mine.graph });
    void invalidateWorkflowLists(getQueryClient());
    return copy.id;
  } catch (error) {
    set({ error: errorText(error) });
    return null;
  }
}

/** "Take theirs": load the server's version (one undo step brings mine back). */
export function resolveTakeTheirs(): void {
  const { conflict } = useEditorStore.getState();
  if (conflict) adoptServerWorkflow(conflict.theirs);
}

/**
 * "Discard changes" of a draft that cannot be saved: back to the saved workflow, as one undo
 * step (Ctrl+Z brings the changes back). Resolves false when the server could not be read.
 */
export async function discardUnsavedChanges(): Promise<boolean> {
  const { workflowId, set } = useEditorStore.getState();
  if (!workflowId) return false;
  try {
    adoptServerWorkflow(await getWorkflow(workflowId));
    return true;
  } catch (error) {
    set({ status: "error", error: `Could not read the saved workflow: ${errorText(error)}` });
    return false;
  }
}

/** The canvas shows `workflow` as the server has it, with nothing left to save. */
function adoptServerWorkflow(workflow: Workflow): void {
  const { workflowId, set } = useEditorStore.getState();
  if (!workflowId) return;
  const graph = useGraphStore.getState();
  // No empty undo step when the canvas already shows it.
  if (graphFingerprint(toWireGraph(graph.nodes, graph.edges)) !== graphFingerprint(wireGraphOf(workflow))) {
    const { nodes, edges } = fromWireGraph(workflow);
    graph.replace(nodes, edges);
  }
  set({
    conflict: null,
    version: workflow.version,
    name: workflow.name,
    settings: workflow.settings ?? {},
    nameDirty: false,
    savedRevision: useGraphStore.getState().revision,
    status: "saved",
    error: null,
  });
  clearDraft(workflowId);
}
