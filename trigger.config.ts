/**
 * Trigger.dev project configuration (used by `npx trigger.dev deploy` / `dev`; the app itself
 * only triggers tasks). Set TRIGGER_PROJECT_REF to your project's ref (proj_…).
 */
import { defineConfig } from "@trigger.dev/sdk";

export default defineConfig({
  // Read by the Trigger.dev CLI, not by the app (src/server/env.ts stays the app's only env reader).
  project: process.env.TRIGGER_PROJECT_REF ?? "proj_galaxy",
  dirs: ["./src/trigger"],
  maxDuration: 3600,
  retries: { enabledInDev: true, default: { maxAttempts: 3, minTimeoutInMs: 1_000, maxTimeoutInMs: 10_000, factor: 2 } },
});
