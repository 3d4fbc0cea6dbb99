/**
 * A comparison of two runs as server state, keyed under `runs` (clearing runs clears it). Runs
 * that have ended do not change, so it is not refetched on focus; one still running is polled.
 */
import { queryOptions } from "@tanstack/react-query";
import { isFinalRunStatus } from "@/engine/statuses";
import { compareRuns } from "../compare-api";
import { runKeys } from "./runs";

export const compareKeys = {
  all: () => [...runKeys.all, "compare"] as const,
  pair: (a: string, b: string) => [...compareKeys.all(), a, b] as const,
};

export function compareRunsQuery(a: string, b: string) {
  return queryOptions({
    queryKey: compareKeys.pair(a, b),
    queryFn: ({ signal }) => compareRuns(a, b, signal),
    refetchOnWindowFocus: false,
    refetchInterval: (query) =>
      query.state.data &&
      ![query.state.data.a, query.state.data.b].every((run) => isFinalRunStatus(run.status))
        ? 2_000
        : false,
  });
}
