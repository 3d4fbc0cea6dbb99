/**
 * Running from the editor: save first (a run executes the saved graph; when the canvas
 * cannot be saved, the run sends the canvas's graph instead), start the run, follow it
 * live, and put readiness problems the server reports onto the nodes.
 */
import { ApiError, errorText, type ApiIssue } from "@/lib/client/api";
import { followRun } from "@/lib/client/run-events";
import { readinessWords } from "@/lib/readiness-words";
import { cancelRun, startRun } from "@/lib/client/runs-api";
import type { RunScope } from "@/lib/client/types";
import { isCanvasOnly } from "@/engine/node-catalogue";
import { nodeName } from "@/nodes/node-name";
import { nodeCatalogue } from "@/nodes/registry";
import { useEditorStore } from "../editor-store";
import { useGraphStore } from "../graph-store";
import { useRunStore } from "../run-store";
import { toast } from "../toast-store";
import { useUiStore } from "../ui-store";
import { selectPreviewing, useVersionPreviewStore } from "../version-preview-store";
import { startUnsavedRun } from "./run-unsaved-graph";
import { saveNow } from "./save-workflow";

let stopFollowing: (() => void) | null = null;

/** Which node an issue names: `nodeId`, a known id inside `path`, or `nodes[3]`. */
export function issueNodeId(issue: ApiIssue, nodeIds: string[]): string | null {
  if (issue.nodeId && nodeIds.includes(issue.nodeId)) return issue.nodeId;
  const index = /nodes\[(\d+)\]/.exec(issue.path ?? "");
  if (index) return nodeIds[Number(index[1])] ?? null;
  const parts = (issue.path ?? "").split(/[.[\]]/);
  return parts.find((p) => nodeIds.includes(p)) ?? null;
}

function issuesByNode(issues: ApiIssue[]): Record<string, string[]> {
  const nodes = useGraphStore.getState().nodes;
  const ids = nodes.map((n) => n.id);
  const out: Record<string, string[]> = {};
  for (const issue of issues) {
    const id = issueNodeId(issue, ids);
    if (!id) continue;
    // The field is the path's last part (`nodes.<id>.<field>`) when the issue does not name it.
    const path = (issue.path ?? "").split(".");
    const field = issue.field ?? (path.length === 3 && path[1] === id ? path[2] : undefined);
    (out[id] ??= []).push(readinessWords(nodes.find((n) => n.id === id)?.type, field, issue.message));
  }
  return out;
}

/** "Text, Headline writer, Run Any LLM and 2 more": the first three by name. */
function listNames(names: string[]): string {
  const shown = names.slice(0, 3).join(", ");
  return names.length > 3 ? `${shown} and ${names.length - 3} more` : shown;
}

export function follow(runId: string): void {
  stopFollowing?.();
  stopFollowing = followRun(runId, {
    onSnapshot: (run, results) => {
      useRunStore.getState().applyRun(run);
      for (const r of results) useRunStore.getState().applyNode(r);
    },
    onNode: (r) => useRunStore.getState().applyNode(r),
    onDelta: (delta) => useRunStore.getState().applyDelta(delta),
    onRun: (run) => useRunStore.getState().applyRun(run),
    onLog: (log) => useRunStore.getState().addLog(log),
    onEnd: () => {
      const { status, error } = useRunStore.getState();
      useRunStore.getState().end();
      stopFollowing = null;
      if (status === "FAILED" && error?.code === "BUDGET_EXCEEDED") toast(`Run stopped: ${error.message}`, "error", 8000);
      else if (status === "FAILED") toast("Run finished with errors — see the red nodes", "error");
      else if (status === "CANCELED") toast("Run canceled", "info");
    },
  });
}

/** The ids of the nodes a run can include: all but notes and frames, which are only drawn. */
export function runnableNodeIds(nodes: readonly { id: string; type?: string }[]): string[] {
  return nodes.filter((n) => !isCanvasOnly(nodeCatalogue, n.type ?? "")).map((n) => n.id);
}

const NOTHING_TO_RUN = "Nothing to run: notes and frames are never run";

/** Runs the whole workflow, or just `nodeIds` (one id = a single-node run); notes and frames among them are left out. */
export async function runWorkflow(chosen?: string[]): Promise<void> {
  const { workflowId } = useEditorStore.getState();
  if (!workflowId) return;
  if (useRunStore.getState().activeRunId) return toast("A run is already in progress", "info");
  const { nodes } = useGraphStore.getState();
  if (nodes.length === 0) return toast("Add a node first", "info");
  const runnable = runnableNodeIds(nodes);
  if (runnable.length === 0) return toast(`${NOTHING_TO_RUN}. Add a node that does something.`, "info");
  const nodeIds = chosen?.filter((id) => runnable.includes(id));
  if (nodeIds?.length === 0) return toast(`${NOTHING_TO_RUN}. Select a node that does something.`, "info");
  // The canvas shows an old version, but a run would execute the current graph.
  if (selectPreviewing(useVersionPreviewStore.getState())) return toast("Back to the current version to run it", "info");
  const saved = await saveNow();
  if (!saved && useEditorStore.getState().conflict) return toast("Choose which version to keep first (see the dialog)", "info");
  const scope: RunScope = !nodeIds ? "FULL" : nodeIds.length === 1 ? "SINGLE" : "PARTIAL";
  try {
    const runId = saved ? await startRun(workflowId, nodeIds) : await startUnsavedRun(workflowId, nodeIds);
    if (!runId) return;
    useRunStore.getState().begin(runId, scope, nodeIds ?? runnable);
    // Details left open on an earlier run now follow this one.
    if (useUiStore.getState().detailRunId) useUiStore.getState().set({ detailRunId: runId });
    follow(runId);
  } catch (error) {
    if (error instanceof ApiError && error.issues.length > 0) {
      const problems = issuesByNode(error.issues);
      useRunStore.getState().setProblems(problems);
      const nodes = useGraphStore.getState().nodes;
      const names = Object.keys(problems).map((id) => nodeName(nodes.find((n) => n.id === id) ?? { type: id }));
      toast(names.length > 0 ? `Not ready to run: ${listNames(names)} — see the highlighted nodes` : errorText(error), "error", 6000);
      return;
    }
    toast(`Could not start the run: ${errorText(error)}`, "error", 6000);
  }
}

export async function cancelActiveRun(): Promise<void> {
  const runId = useRunStore.getState().activeRunId;
  if (!runId) return;
  try {
    await cancelRun(runId);
  } catch (error) {
    toast(`Could not cancel: ${errorText(error)}`, "error");
  }
}

export function stopFollowingRun(): void {
  stopFollowing?.();
  stopFollowing = null;
}
