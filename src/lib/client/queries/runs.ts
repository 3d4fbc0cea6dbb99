/**
 * Runs as server state: a workflow's history (an infinite query paged by skip) and one run's
 * detail. Both go stale when the live run moves (see `live-run.ts`), not on a timer.
 */
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { getRun, listRuns, type RunPage } from "../runs-api";
import { nextSkip } from "./pages";

export const RUN_PAGE_SIZE = 20;

export const runKeys = {
  all: ["runs"] as const,
  lists: () => [...runKeys.all, "list"] as const,
  list: (workflowId: string) => [...runKeys.lists(), workflowId] as const,
  details: () => [...runKeys.all, "detail"] as const,
  detail: (runId: string) => [...runKeys.details(), runId] as const,
};

export function runListQuery(workflowId: string) {
  return infiniteQueryOptions({
    queryKey: runKeys.list(workflowId),
    queryFn: ({ pageParam, signal }): Promise<RunPage> => listRuns(workflowId, pageParam, RUN_PAGE_SIZE, signal),
    initialPageParam: 0,
    getNextPageParam: (page: RunPage, _pages: RunPage[], skip: number) => nextSkip(page, skip),
  });
}

export function runQuery(runId: string) {
  return queryOptions({
    queryKey: runKeys.detail(runId),
    queryFn: ({ signal }) => getRun(runId, signal),
  });
}
