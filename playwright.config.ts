/**
 * End-to-end tests: real Chromium (Debian's /usr/bin/chromium) against the built app
 * (`npm run build` first) on 127.0.0.1:3200, with a fresh data directory and the LLM
 * stub on 127.0.0.1:4010 reached through the real AI SDK (OpenAI-compatible provider).
 */
import { defineConfig } from "@playwright/test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./scripts/chromium-flags";

// Made once in the main process; workers inherit it through the environment.
process.env.GALAXY_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), "galaxy-e2e-"));

export const APP_PORT = 3200;
export const STUB_PORT = 4010;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [["list"]],
  globalSetup: "./tests/e2e/global-setup.ts",
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    // Signed in as the suite's account (made in global-setup.ts); the sign-up test starts signed out.
    storageState: "test-results/e2e-session.json",
    viewport: { width: 1600, height: 1000 },
    actionTimeout: 15_000,
    navigationTimeout: 60_000,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: [
    {
      command: `npx tsx scripts/llm-stub.ts --port ${STUB_PORT} --host 127.0.0.1`,
      url: `http://127.0.0.1:${STUB_PORT}/__stub/requests`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
    },
    {
      command: `npx next start -H 127.0.0.1 -p ${APP_PORT}`,
      url: `http://127.0.0.1:${APP_PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: "pipe",
      env: {
        GALAXY_DATA_DIR: process.env.GALAXY_E2E_DATA_DIR,
        OPENAI_COMPATIBLE_BASE_URL: `http://127.0.0.1:${STUB_PORT}/v1`,
        // A price for the stub's "priced-model", so costs show in dollars (other models: "cost unknown").
        GALAXY_PRICES_FILE: join(process.cwd(), "tests/e2e/prices.json"),
        NEXT_TELEMETRY_DISABLED: "1",
        // Warnings and errors only: a line per request would bury the test report.
        LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
      },
    },
  ],
});
