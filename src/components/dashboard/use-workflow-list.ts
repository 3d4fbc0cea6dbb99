/** The dashboard's list: the cached, cursor-paged workflow query for the search (debounced) and tag. */
import { useInfiniteQuery, type InfiniteData } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { errorText } from "@/lib/client/api";
import { uniqueRows } from "@/lib/client/queries/pages";
import { workflowListQuery } from "@/lib/client/queries/workflows";
import type { WorkflowPage } from "@/lib/client/workflows-api";

const SEARCH_DEBOUNCE_MS = 250;

const rowsOf = (data: InfiniteData<WorkflowPage>) => uniqueRows(data.pages.map((page) => page.workflows));

/** `value`, once it has stopped changing for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function useWorkflowList(q: string, tag: string | null) {
  // Typing waits for a pause; clearing the box answers at once.
  const search = useSettled(q, q ? SEARCH_DEBOUNCE_MS : 0);
  const list = useInfiniteQuery({ ...workflowListQuery({ q: search, tag }), select: rowsOf });
  return {
    items: list.data ?? [],
    hasMore: list.hasNextPage,
    loading: list.isPending,
    error: list.error ? errorText(list.error) : null,
    more: () => list.fetchNextPage(),
  };
}
