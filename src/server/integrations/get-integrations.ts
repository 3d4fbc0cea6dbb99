/** What this server is configured to use, for the settings page and the model picker. Never secrets. */
import "server-only";
import { env } from "@/server/env";
import { configuredProviders } from "@/server/llm/configured-providers";

export function getIntegrations() {
  const config = env();
  return {
    database: config.DATABASE_URL ? ("postgres" as const) : ("pglite" as const),
    auth: config.clerkEnabled ? ("clerk" as const) : ("local" as const),
    queue: config.TRIGGER_SECRET_KEY
      ? ("trigger.dev" as const)
      : config.GALAXY_WORKER === "external"
        ? ("pg-boss (external workers)" as const)
        : ("pg-boss (inline worker)" as const),
    storage: config.transloaditEnabled ? ("transloadit" as const) : ("local" as const),
    providers: configuredProviders(config),
  };
}
