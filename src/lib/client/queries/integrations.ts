/**
 * What the server has configured (database, auth, queue, storage, model providers). The
 * editor reads the providers to start a new LLM node on one that works and to flag nodes set
 * to one that does not.
 */
import { queryOptions, useQuery, type QueryClient } from "@tanstack/react-query";
import type { LlmProvider } from "@/nodes/llm/definition";
import { getIntegrations } from "../integrations-api";
import type { Integrations } from "../types";

export type ConfiguredProviders = Partial<Record<LlmProvider, boolean>>;

export const integrationKeys = {
  all: ["integrations"] as const,
};

export function integrationsQuery() {
  return queryOptions({ queryKey: integrationKeys.all, queryFn: ({ signal }) => getIntegrations(signal) });
}

const selectProviders = (data: Integrations): ConfiguredProviders | null => data.providers ?? null;

/** The configured model providers; null until known (then nothing is flagged). */
export function useProviders(): ConfiguredProviders | null {
  return useQuery({ ...integrationsQuery(), select: selectProviders }).data ?? null;
}

/** The same, for code outside React (adding a node); null until the editor has loaded them. */
export function readProviders(client: QueryClient): ConfiguredProviders | null {
  const data = client.getQueryData(integrationsQuery().queryKey);
  return data ? selectProviders(data) : null;
}
