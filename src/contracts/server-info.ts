/** What the server says about itself: liveness (`/api/health`) and what is configured (`/api/integrations`), never secrets. */
import { z } from "zod";

export const ZHealth = z.object({
  database: z.enum(["pglite", "postgres"]),
  migrations: z.number().int().meta({ description: "migrations applied" }),
});

export const ZIntegrations = z.object({
  database: z.enum(["pglite", "postgres"]),
  auth: z.enum(["local", "clerk"]),
  queue: z.enum(["trigger.dev", "pg-boss (external workers)", "pg-boss (inline worker)"]),
  storage: z.enum(["local", "transloadit"]),
  providers: z
    .record(z.string(), z.boolean())
    .meta({ description: "model provider → configured (google, groq, openai-compatible)" }),
});
