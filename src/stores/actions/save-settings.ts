/**
 * Saving the open workflow's run settings (its default budget) through the workflow API: in
 * turn with the graph's saves, with the version they left, so neither looks like a conflict.
 */
import { getQueryClient } from "@/lib/client/queries/query-client";
import { invalidateVersionLists } from "@/lib/client/queries/versions";
import { invalidateWorkflowLists } from "@/lib/client/queries/workflows";
import type { Budget } from "@/lib/client/types";
import { patchWorkflow } from "@/lib/client/workflows-api";
import { useEditorStore } from "../editor-store";
import { withSaveTurn } from "./save-workflow";

/** An empty budget (no caps) removes the setting. Throws the API's error for the form to show. */
export async function saveBudget(budget: Budget): Promise<void> {
  const { workflowId, conflict } = useEditorStore.getState();
  if (!workflowId) return;
  if (conflict) throw new Error("resolve the conflict with the other version first");
  const { budget: _previous, ...rest } = useEditorStore.getState().settings;
  const hasCap = budget.maxTokens !== undefined || budget.maxCostUsd !== undefined;
  const settings = hasCap ? { ...rest, budget } : rest;
  const saved = await withSaveTurn(() => patchWorkflow(workflowId, useEditorStore.getState().version, { settings }));
  useEditorStore.getState().set({ version: saved.version, settings: saved.settings });
  void invalidateWorkflowLists(getQueryClient());
  void invalidateVersionLists(getQueryClient()); // the save extended the current version's range
}
