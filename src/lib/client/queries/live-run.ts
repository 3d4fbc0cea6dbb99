/**
 * What the live run (followed over SSE in the run store) makes stale: a run that begins or
 * ends changes the history and the cards' last-run badge; a node that finishes changes its
 * run's detail. Pure: the editor subscribes to the store and invalidates what this returns.
 */
import type { QueryKey } from "@tanstack/react-query";
import { isFinalNodeStatus } from "@/engine/statuses";
import type { NodeResult } from "../types";
import { runKeys } from "./runs";
import { workflowKeys } from "./workflows";

export interface LiveRunView {
  activeRunId: string | null;
  results: Record<string, Pick<NodeResult, "nodeId" | "status">>;
}

export function staleKeysAfter(prev: LiveRunView, next: LiveRunView): QueryKey[] {
  if (prev.activeRunId !== next.activeRunId) {
    const ended = prev.activeRunId ? [runKeys.detail(prev.activeRunId)] : [];
    return [runKeys.lists(), workflowKeys.lists(), ...ended];
  }
  if (!next.activeRunId || prev.results === next.results) return [];
  const finished = Object.values(next.results).some((r) => r !== prev.results[r.nodeId] && isFinalNodeStatus(r.status));
  return finished ? [runKeys.detail(next.activeRunId)] : [];
}
