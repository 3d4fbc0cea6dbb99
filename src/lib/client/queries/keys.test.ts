/** The query keys: what one invalidation reaches, and what it leaves alone. */
import { QueryClient, type QueryKey } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { NodeResult } from "../types";
import { integrationKeys } from "./integrations";
import { staleKeysAfter, type LiveRunView } from "./live-run";
import { runKeys } from "./runs";
import { tokenKeys } from "./tokens";
import { invalidateWorkflowLists, workflowKeys } from "./workflows";

function cacheOf(keys: QueryKey[]) {
  const client = new QueryClient();
  for (const key of keys) client.setQueryData(key, { cached: true });
  return client;
}
const invalidated = (client: QueryClient, key: QueryKey) => client.getQueryState(key)?.isInvalidated ?? false;

const EVERY_KEY: QueryKey[] = [
  workflowKeys.list({ q: "", tag: null }),
  workflowKeys.list({ q: "kit", tag: "launch" }),
  runKeys.list("w1"),
  runKeys.list("w2"),
  runKeys.detail("r1"),
  runKeys.detail("r2"),
  tokenKeys.all,
  integrationKeys.all,
];

describe("workflowKeys", () => {
  it("reads a search as the server does: surrounding spaces and blank searches share one entry", () => {
    expect(workflowKeys.list({ q: "  kit ", tag: null })).toEqual(workflowKeys.list({ q: "kit", tag: null }));
    expect(workflowKeys.list({ q: "   ", tag: null })).toEqual(workflowKeys.list({ q: "", tag: null }));
    expect(workflowKeys.list({ q: "kit", tag: "a" })).not.toEqual(workflowKeys.list({ q: "kit", tag: null }));
  });

  it("invalidating the lists reaches every search and tag, and nothing else", async () => {
    const client = cacheOf(EVERY_KEY);
    await invalidateWorkflowLists(client);
    expect(EVERY_KEY.filter((k) => invalidated(client, k))).toEqual(EVERY_KEY.slice(0, 2));
  });
});

describe("staleKeysAfter (the live run)", () => {
  const result = (nodeId: string, status: NodeResult["status"]) => ({ nodeId, status });
  const idle: LiveRunView = { activeRunId: null, results: {} };
  const started: LiveRunView = { activeRunId: "r1", results: { a: result("a", "IDLE"), b: result("b", "IDLE") } };

  async function staleAfter(prev: LiveRunView, next: LiveRunView) {
    const client = cacheOf(EVERY_KEY);
    await Promise.all(staleKeysAfter(prev, next).map((queryKey) => client.invalidateQueries({ queryKey })));
    return EVERY_KEY.filter((k) => invalidated(client, k));
  }

  it("a run that begins makes every history and the workflow lists stale", async () => {
    expect(await staleAfter(idle, started)).toEqual(EVERY_KEY.slice(0, 4));
  });

  it("a node that starts changes nothing; one that finishes makes only its run's detail stale", async () => {
    const running = { ...started, results: { ...started.results, a: result("a", "RUNNING") } };
    expect(await staleAfter(started, running)).toEqual([]);
    for (const status of ["SUCCESS", "FAILED", "SKIPPED"] as const) {
      expect(await staleAfter(running, { ...running, results: { ...running.results, a: result("a", status) } })).toEqual([runKeys.detail("r1")]);
    }
  });

  it("the end of the run makes the histories, the lists and its detail stale", async () => {
    const done = { ...started, results: { a: result("a", "SUCCESS"), b: result("b", "SUCCESS") } };
    expect(await staleAfter(done, { ...done, activeRunId: null })).toEqual(EVERY_KEY.slice(0, 5));
  });

  it("results shown with no live run (a reload's latest outputs) make nothing stale", async () => {
    expect(await staleAfter(idle, { activeRunId: null, results: { a: result("a", "SUCCESS") } })).toEqual([]);
  });
});
