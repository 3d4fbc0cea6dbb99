/**
 * Opening a workflow in the editor: the server's graph (the copy the page's render streamed
 * along when it can stand for a fetch, else fetched), then any local draft on top
 * (restored silently when it builds on the same version, offered as a conflict when the
 * server moved on), then the latest results so nodes show their outputs after a reload.
 * A command, not a query: it seeds the graph, undo and live-run stores once per visit.
 */
import { clearDraft, readDraft } from "@/lib/client/drafts";
import { fromWireGraph, graphFingerprint, toWireGraph } from "@/lib/client/graph-wire";
import { getQueryClient } from "@/lib/client/queries/query-client";
import { runQuery } from "@/lib/client/queries/runs";
import type { Workflow } from "@/lib/client/types";
import { getWorkflow } from "@/lib/client/workflows-api";
import { follow, stopFollowingRun } from "@/stores/actions/run-workflow";
import { savesSettled } from "@/stores/actions/save-workflow";
import { useEditorStore } from "@/stores/editor-store";
import { useGraphStore } from "@/stores/graph-store";
import { useRunStore } from "@/stores/run-store";
import { toast } from "@/stores/toast-store";
import { useUiStore } from "@/stores/ui-store";
import { takeServed, type ServedWorkflow } from "./served-workflow";

const RESULT_RUNS = 5;

export async function loadWorkflow(id: string, served?: ServedWorkflow): Promise<Workflow> {
  // A save started on leaving the editor (browser back) lands first, so it is what opens.
  await savesSettled();
  const workflow = (await takeServed(served)) ?? (await getWorkflow(id));
  stopFollowingRun();
  useRunStore.getState().reset();
  useUiStore.getState().set({ detailRunId: null, connectFrom: null });
  const graph = useGraphStore.getState();
  const server = fromWireGraph(workflow);
  graph.load(server.nodes, server.edges);
  useEditorStore.getState().open(workflow, useGraphStore.getState().revision);

  const draft = readDraft(id);
  if (draft) {
    const same = graphFingerprint(draft.graph) === graphFingerprint(toWireGraph(server.nodes, server.edges)) && (draft.name ?? workflow.name) === workflow.name;
    if (same) clearDraft(id);
    else {
      const mine = fromWireGraph(draft.graph);
      useGraphStore.getState().replace(mine.nodes, mine.edges);
      if (draft.name && draft.name !== workflow.name) useEditorStore.getState().setName(draft.name);
      if (draft.baseVersion === workflow.version) toast("Restored your unsaved changes", "success");
      else useEditorStore.getState().set({ conflict: { theirs: workflow, mine: { graph: draft.graph, name: draft.name ?? workflow.name } } });
    }
  }

  void showLatestResults(workflow);
  return workflow;
}

async function showLatestResults(workflow: Workflow): Promise<void> {
  const runs = (workflow.runs ?? []).slice(0, RESULT_RUNS);
  // Through the cache, so opening one of these runs in the history shows it at once.
  const client = getQueryClient();
  const details = await Promise.all(runs.map((r) => client.fetchQuery(runQuery(r.id)).catch(() => null)));
  // Oldest first, so each node ends up showing its newest result.
  for (const run of details.reverse()) if (run) useRunStore.getState().showResults(run.nodeResults ?? []);
  const live = details.find((r) => r && (r.status === "RUNNING" || r.status === "QUEUED"));
  if (live) {
    useRunStore.getState().begin(live.id, live.scope ?? "FULL", []);
    follow(live.id);
  }
}
