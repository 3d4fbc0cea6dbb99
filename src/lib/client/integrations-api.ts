/** Typed call for `/api/integrations`: which services and model providers the server has (no secrets). */
import { api } from "./api";
import type { Integrations } from "./types";

export function getIntegrations(signal?: AbortSignal): Promise<Integrations> {
  // Optional information: an expired session is for the page's own requests to report.
  return api<Integrations>("/api/integrations", { signal, noAuthRedirect: true });
}
