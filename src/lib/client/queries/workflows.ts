/**
 * The workflow list as server state: one cached infinite query per search and tag, walked by
 * the server's cursor. Anything that changes what a card shows (a save, a run, a dashboard
 * action) calls `invalidateWorkflowLists`, and every list refetches.
 */
import { infiniteQueryOptions, keepPreviousData, type QueryClient } from "@tanstack/react-query";
import { listWorkflows, type WorkflowPage } from "../workflows-api";
import { nextCursor } from "./pages";

export const WORKFLOW_PAGE_SIZE = 24;

export interface WorkflowListFilter {
  q: string;
  tag: string | null;
}

export const workflowKeys = {
  all: ["workflows"] as const,
  lists: () => [...workflowKeys.all, "list"] as const,
  /** Blank searches and surrounding spaces share one cache entry, as the server reads them the same. */
  list: ({ q, tag }: WorkflowListFilter) => [...workflowKeys.lists(), { q: q.trim(), tag }] as const,
};

export function workflowListQuery(filter: WorkflowListFilter) {
  const queryKey = workflowKeys.list(filter);
  const { q, tag } = queryKey[2];
  return infiniteQueryOptions({
    queryKey,
    queryFn: ({ pageParam, signal }): Promise<WorkflowPage> =>
      listWorkflows({ q: q || undefined, tag: tag ?? undefined, limit: WORKFLOW_PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
    // A new search keeps the current cards on screen until its answer arrives.
    placeholderData: keepPreviousData,
  });
}

/** After a change to any workflow: every list (any search, any tag) refetches what it shows. */
export function invalidateWorkflowLists(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ queryKey: workflowKeys.lists() });
}
