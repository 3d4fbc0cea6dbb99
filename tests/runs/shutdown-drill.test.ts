/**
 * Fault drill (issue 15, defect 3): SIGTERM of a worker process in the middle of runs. It
 * must pay for no model call twice: it starts no more nodes, lets the calls in flight finish
 * and records them, then hands each run over; a second worker process resumes them. Before
 * the fix the calls in flight were aborted and made again (32 extra of 500). PostgreSQL only:
 * two processes share the database.
 */
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRunHarness, type RunHarness } from "../helpers/run-harness";
import { testEngine } from "../helpers/test-database";
import { spawnWorkerProcess } from "../helpers/worker-process";
import { callsMadeTwice, drillLogs, exitOf, startDrillRuns, waitForDrillRuns } from "./drill-kit";

const RUNS = 8;
const CALL_MS = 3_000;

describe.skipIf(testEngine !== "postgres")("SIGTERM of a worker mid-run (PostgreSQL, two worker processes)", () => {
  let h: RunHarness;
  const workers: ChildProcess[] = [];
  beforeAll(async () => {
    h = await startRunHarness({ worker: false });
  });
  afterAll(async () => {
    for (const worker of workers) worker.kill("SIGKILL");
    await h?.close();
  });

  it("pays for no model call twice: calls in flight finish and are kept, the rest resumes on the other worker", async () => {
    h.stub.setBehavior(() => ({ delayMs: CALL_MS }));
    const spawn = () => {
      const worker = spawnWorkerProcess({ databaseUrl: h.t.url, stubUrl: h.stub.url, env: { GALAXY_SHUTDOWN_GRACE_SECONDS: "20" } });
      workers.push(worker);
      return worker;
    };
    const first = spawn();
    const runIds = await startDrillRuns(h, RUNS);
    // Every run's first model call is in flight on the first worker: then it is told to stop.
    await h.stub.waitFor((requests) => requests.filter((r) => r.systemPrompt === "node llm-1").length === RUNS, 30_000);
    const second = spawn();
    first.kill("SIGTERM");
    expect(await exitOf(first, 30_000)).toBe(0);

    const rows = await waitForDrillRuns(h, runIds, 60_000);
    expect(rows.map((row) => row.status)).toEqual(runIds.map(() => "COMPLETED"));
    expect(callsMadeTwice(h)).toEqual(new Map());
    expect(h.stub.requests).toHaveLength(RUNS * 2);
    // The calls in flight at the SIGTERM were kept: the second worker only made the llm-2 calls.
    const logs = await drillLogs(h, runIds);
    const resumed = logs.filter((line) => line.message.startsWith("run resumed by another worker"));
    expect(resumed.length).toBeGreaterThan(0); // all of them, unless the SIGTERM arrived after a call ended
    for (const line of resumed) expect(line.message).toContain("2 node(s) that succeeded are kept");
    expect(logs.some((line) => line.message.includes("was in flight when its worker was lost"))).toBe(false);
    second.kill("SIGTERM");
    expect(await exitOf(second, 30_000)).toBe(0);
  }, 120_000);
});
