/** The caller's API tokens as server state; creating or revoking one refetches the list. */
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { createToken, listTokens, revokeToken } from "../tokens-api";

export const tokenKeys = {
  all: ["tokens"] as const,
};

export function tokensQuery() {
  return queryOptions({ queryKey: tokenKeys.all, queryFn: ({ signal }) => listTokens(signal) });
}

/** Mutations settle once the list has refetched, so the list never lags the button. */
export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createToken, onSuccess: () => client.invalidateQueries({ queryKey: tokenKeys.all }) });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({ mutationFn: revokeToken, onSuccess: () => client.invalidateQueries({ queryKey: tokenKeys.all }) });
}
