/**
 * Shared set-up of the usage and budget tests: every provider pointed at the harness's model
 * stub, a price override file, runs started through the real route (waiting for their end),
 * and the live stream's events read back.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { POST as execute } from "@/app/api/execute/route";
import { GET as events } from "@/app/api/execute/[runId]/events/route";
import { resetEnvCache } from "@/server/env";
import { callRoute } from "../helpers/call-route";
import type { RunHarness } from "../helpers/run-harness";

/** Writes a GALAXY_PRICES_FILE in a temporary directory and returns its path. */
export function writePricesFile(prices: Record<string, unknown>): string {
  const path = join(mkdtempSync(join(tmpdir(), "galaxy-prices-")), "prices.json");
  writeFileSync(path, JSON.stringify(prices));
  return path;
}

/** The harness's configuration, with Gemini and Groq also at the stub, plus `extra`. */
export function pointProvidersAt(h: RunHarness, extra: Record<string, string> = {}): void {
  resetEnvCache({
    GALAXY_WORKER: "off",
    GALAXY_WORKER_POLL_MS: "200",
    TRIGGER_SECRET_KEY: "",
    TRIGGER_API_KEY: "",
    OPENAI_COMPATIBLE_BASE_URL: `${h.stub.url}/v1`,
    GROQ_API_KEY: "test-groq-key",
    GROQ_BASE_URL: h.stub.url,
    GOOGLE_GENERATIVE_AI_API_KEY: "test-google-key",
    GOOGLE_GENERATIVE_AI_BASE_URL: h.stub.url,
    ...extra,
  });
}

export function startRun(h: RunHarness, body: Record<string, unknown>, headers = h.alice.headers) {
  return callRoute(execute, "/api/execute", { method: "POST", headers, body });
}

/** Runs to the end (`wait`) and gives the run as `GET /api/execute/{id}` does. */
export async function runToEnd(h: RunHarness, body: Record<string, unknown>, headers = h.alice.headers): Promise<any> {
  const res = await startRun(h, { ...body, wait: true }, headers);
  if (res.status !== 200) throw new Error(`run did not end: ${res.status} ${res.text.slice(0, 300)}`);
  return res.json!.run;
}

export function byNodeId<T extends { nodeId: string }>(results: T[]): Record<string, T> {
  return Object.fromEntries(results.map((result) => [result.nodeId, result]));
}

/** The run's live stream, read to its end. */
export async function readRunEvents(h: RunHarness, runId: string): Promise<{ event: string; data: any }[]> {
  const stream = await callRoute(events, `/api/execute/${runId}/events`, { headers: h.alice.headers, params: { runId } });
  return stream.text
    .split("\n\n")
    .filter((block) => block.startsWith("event: "))
    .map((block) => {
      const [eventLine, dataLine] = block.split("\n");
      return { event: eventLine.slice("event: ".length), data: JSON.parse(dataLine.slice("data: ".length)) };
    });
}
