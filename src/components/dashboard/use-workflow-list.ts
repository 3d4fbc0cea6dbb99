/** The dashboard's list: server-side search (`q`) and tag filter, cursor pagination. */
import { useCallback, useEffect, useState } from "react";
import { errorText } from "@/lib/client/api";
import type { WorkflowSummary } from "@/lib/client/types";
import { listWorkflows } from "@/lib/client/workflows-api";

export function useWorkflowList(q: string, tag: string | null) {
  const [items, setItems] = useState<WorkflowSummary[]>([]);
  const [cursor, setCursor] = useState<string | undefined>();
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let stale = false;
    const timer = setTimeout(() => {
      listWorkflows({ q: q.trim() || undefined, tag: tag ?? undefined, limit: 24 })
        .then((page) => {
          if (stale) return;
          setItems(page.workflows);
          setCursor(page.nextCursor);
          setHasMore(page.hasMore);
          setError(null);
        })
        .catch((e: unknown) => !stale && setError(errorText(e)))
        .finally(() => !stale && setLoading(false));
    }, q ? 250 : 0);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [q, tag, tick]);

  const more = useCallback(async () => {
    const page = await listWorkflows({ q: q.trim() || undefined, tag: tag ?? undefined, limit: 24, cursor });
    setItems((prev) => [...prev, ...page.workflows.filter((w) => !prev.some((p) => p.id === w.id))]);
    setCursor(page.nextCursor);
    setHasMore(page.hasMore);
  }, [q, tag, cursor]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { items, hasMore, loading, error, more, reload, setItems };
}
