/**
 * The browser's one QueryClient (per tab) and its defaults. Components reach it through
 * `useQueryClient()`; code outside React (the editor's save and run actions) through
 * `getQueryClient()` — the same instance, since the provider is handed this one.
 */
import { environmentManager, QueryClient } from "@tanstack/react-query";
import { ApiError } from "../api";

/** Answers are fresh this long; after that a focus, a remount or an invalidation refetches. */
export const STALE_MS = 5_000;
const MAX_RETRIES = 2;

/** A refusal (4xx) will not change by asking again; a dropped connection or a 5xx might. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < MAX_RETRIES;
}

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: STALE_MS, refetchOnWindowFocus: true, retry: shouldRetry },
      mutations: { retry: false },
    },
  });
}

let browserClient: QueryClient | undefined;

/** The tab's client; during server rendering a throwaway one, so no request shares a cache. */
export function getQueryClient(): QueryClient {
  if (environmentManager.isServer()) return makeQueryClient();
  return (browserClient ??= makeQueryClient());
}
