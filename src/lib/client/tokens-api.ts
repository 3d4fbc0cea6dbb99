/** Typed calls for `/api/tokens…` (personal API tokens; the secret comes back once, on create). */
import { api } from "./api";
import type { ApiAnswer, ApiToken } from "./types";

export async function listTokens(signal?: AbortSignal): Promise<ApiToken[]> {
  return (await api<ApiAnswer<"listTokens">>("/api/tokens", { signal })).tokens;
}

/** The new token, its secret included (shown to the user once, stored only hashed). */
export function createToken(name: string): Promise<ApiAnswer<"createToken">> {
  return api<ApiAnswer<"createToken">>("/api/tokens", { method: "POST", body: { name } });
}

export async function revokeToken(id: string): Promise<void> {
  await api(`/api/tokens/${encodeURIComponent(id)}`, { method: "DELETE" });
}
