/**
 * A workflow's versions as server state: the list (an infinite query paged by skip, newest
 * first) and one version with its graph. Every save makes a version, so saves, restores and
 * names call `invalidateVersionLists`.
 */
import { infiniteQueryOptions, queryOptions, type QueryClient } from "@tanstack/react-query";
import { getVersion, listVersions, type VersionPage, type VersionSummary } from "../versions-api";

export const VERSION_PAGE_SIZE = 20;
/** A version's graph never changes once saved; only its name and "current" mark do, which the list shows. */
const VERSION_DETAIL_STALE_MS = 5 * 60_000;

export const versionKeys = {
  all: ["versions"] as const,
  lists: () => [...versionKeys.all, "list"] as const,
  list: (workflowId: string) => [...versionKeys.lists(), workflowId] as const,
  details: () => [...versionKeys.all, "detail"] as const,
  detail: (workflowId: string, version: number) => [...versionKeys.details(), workflowId, version] as const,
};

export function versionListQuery(workflowId: string) {
  return infiniteQueryOptions({
    queryKey: versionKeys.list(workflowId),
    queryFn: ({ pageParam, signal }): Promise<VersionPage> => listVersions(workflowId, pageParam, VERSION_PAGE_SIZE, signal),
    initialPageParam: 0,
    getNextPageParam: (page: VersionPage, _pages: VersionPage[], skip: number) => nextVersionSkip(page, skip),
  });
}

export function versionQuery(workflowId: string, version: number) {
  return queryOptions({
    queryKey: versionKeys.detail(workflowId, version),
    queryFn: ({ signal }) => getVersion(workflowId, version, signal),
    staleTime: VERSION_DETAIL_STALE_MS,
  });
}

/** After a save, a restore or a name: every open versions list refetches. */
export function invalidateVersionLists(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ queryKey: versionKeys.lists() });
}

/** Where the page after this one starts, or undefined when it was the last. */
export function nextVersionSkip(page: Pick<VersionPage, "hasMore" | "versions">, skip: number): number | undefined {
  return page.hasMore && page.versions.length > 0 ? skip + page.versions.length : undefined;
}

/** The rows of every page in order; one that slid onto the next page (a save came first) shows once. */
export function uniqueVersions(pages: readonly Pick<VersionPage, "versions">[]): VersionSummary[] {
  const seen = new Set<number>();
  const rows: VersionSummary[] = [];
  for (const page of pages) {
    for (const row of page.versions) {
      if (seen.has(row.version)) continue;
      seen.add(row.version);
      rows.push(row);
    }
  }
  return rows;
}
