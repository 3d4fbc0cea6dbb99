/**
 * Fault drill (issue 15, defect 3): the database stops answering for longer than 30 s (three
 * leases) while runs are in flight on two worker processes. Nothing is lost and no model
 * call is made twice: progress is kept in memory and written when the database is back, and
 * no sweeper takes the quiet heartbeats for dead workers. Before the fix a failed progress
 * write canceled the run and its calls were made again (60 extra of 312 in a 9 s outage).
 * The database is a private cluster of this test (initdb / pg_ctl), never the shared server.
 */
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrivateCluster, postgresBinDir, type PrivateCluster } from "../helpers/private-cluster";
import { sleep, startRunHarness, type RunHarness } from "../helpers/run-harness";
import { testEngine } from "../helpers/test-database";
import { spawnWorkerProcess } from "../helpers/worker-process";
import { callsMadeTwice, drillLogs, startDrillRuns, waitForDrillRuns } from "./drill-kit";

const RUNS = 6;
const OUTAGE_MS = 31_000;
const LEASE_SECONDS = "10";

describe.skipIf(testEngine !== "postgres" || !postgresBinDir())("a 31 s database outage mid-run (private cluster, two worker processes)", () => {
  let cluster: PrivateCluster;
  let h: RunHarness;
  const workers: ChildProcess[] = [];
  beforeAll(async () => {
    cluster = await createPrivateCluster();
    h = await startRunHarness({ worker: false, databaseServerUrl: cluster.url, env: { GALAXY_RUN_LEASE_SECONDS: LEASE_SECONDS } });
  });
  afterAll(async () => {
    for (const worker of workers) worker.kill("SIGKILL");
    await cluster?.start().catch(() => undefined); // if a failed assertion left it stopped
    await h?.close();
    await cluster?.destroy();
  });

  it("keeps every run's progress through the outage and pays for no model call twice", async () => {
    // Calls in flight when the database goes, and more made while it is gone.
    h.stub.setBehavior(() => ({ delayMs: 2_000 }));
    for (let i = 0; i < 2; i++) {
      workers.push(spawnWorkerProcess({ databaseUrl: h.t.url, stubUrl: h.stub.url, env: { GALAXY_RUN_LEASE_SECONDS: LEASE_SECONDS } }));
    }
    const runIds = await startDrillRuns(h, RUNS);
    await h.stub.waitFor((requests) => requests.filter((r) => r.systemPrompt === "node llm-1").length === RUNS, 30_000);
    await cluster.stop();
    await sleep(OUTAGE_MS);
    const madeDuringOutage = h.stub.requests.length;
    await cluster.start();

    const rows = await waitForDrillRuns(h, runIds, 60_000);
    expect(rows.map((row) => row.status)).toEqual(runIds.map(() => "COMPLETED"));
    expect(callsMadeTwice(h)).toEqual(new Map());
    expect(h.stub.requests).toHaveLength(RUNS * 2);
    // The llm-2 calls were made while the database was down: their runs did not wait for it.
    expect(madeDuringOutage).toBe(RUNS * 2);
    const logs = await drillLogs(h, runIds);
    const waited = logs.filter((line) => line.message.startsWith("the database is not answering"));
    expect(new Set(waited.map((line) => line.runId)).size).toBe(RUNS);
    expect(logs.some((line) => line.message.startsWith("run resumed by another worker"))).toBe(false);
  }, 180_000);
});
