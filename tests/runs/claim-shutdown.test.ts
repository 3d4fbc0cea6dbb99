/**
 * A worker that shuts down while it waits on another worker's lease (a redelivered job whose
 * run is held by a live worker) must leave the job to be retried: if it completed the job and
 * the other worker then died, the sweeper would find no job and end the run "worker lost".
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { POST as execute } from "@/app/api/execute/route";
import { workflowRuns } from "@/server/db/schema";
import { RUN_QUEUE, currentQueue } from "@/server/jobs/queue";
import { startRunWorker, stopRunWorker } from "@/server/jobs/run-worker";
import { sweepStaleRuns } from "@/server/jobs/sweep-stale-runs";
import { waitForRunEnd } from "@/server/runs/wait-for-run-end";
import { callRoute } from "../helpers/call-route";
import { llmChain, sleep, startRunHarness, type RunHarness } from "../helpers/run-harness";
import { testEngine } from "../helpers/test-database";

const LEASE_SECONDS = 2;

let h: RunHarness;
beforeAll(async () => {
  // No worker yet: each test starts and stops its own.
  h = await startRunHarness({ worker: false, env: { GALAXY_RUN_LEASE_SECONDS: String(LEASE_SECONDS), GALAXY_RUN_RETRIES: "1" } });
});
afterAll(async () => {
  await h?.close();
});

const db = () => h.t.handle.db;

async function jobState(runId: string): Promise<string | undefined> {
  const { rows } = await h.t.handle.executeSql(`SELECT state FROM pgboss.job WHERE name = $1 AND singleton_key = $2 ORDER BY created_on DESC LIMIT 1`, [RUN_QUEUE, runId]);
  return (rows[0] as { state: string } | undefined)?.state;
}

async function waitForJobState(runId: string, state: string, timeoutMs: number): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; ; ) {
    if ((await jobState(runId)) === state) return;
    if (Date.now() > deadline) throw new Error(`the job of run ${runId} did not become ${state} within ${timeoutMs} ms (it is ${await jobState(runId)})`);
    await sleep(20);
  }
}

describe(`a worker shutting down while it waits on another worker's lease, on ${testEngine}`, () => {
  it("leaves the job active; when the other worker dies the run is retried, not lost", async () => {
    const { nodes, edges } = llmChain(1);
    const res = await callRoute(execute, "/api/execute", { method: "POST", headers: h.alice.headers, body: { nodes, edges } });
    const runId = res.json!.runId as string;
    // Another worker holds the run: RUNNING, its heartbeat fresh for the whole wait below.
    await db().execute(sql`UPDATE workflow_runs SET status = 'RUNNING', started_at = now(), updated_at = now() + interval '1 hour' WHERE id = ${runId}`);

    startRunWorker((await currentQueue())!);
    await waitForJobState(runId, "active", 10_000); // fetched: its executor is waiting on the lease
    await stopRunWorker();

    expect(await jobState(runId)).toBe("active"); // not completed: the retry is kept
    const [held] = await db().select({ status: workflowRuns.status }).from(workflowRuns).where(eq(workflowRuns.id, runId));
    expect(held.status).toBe("RUNNING");

    // The other worker dies: its heartbeat goes stale, the sweeper fails the job, pg-boss retries it.
    await db().execute(sql`UPDATE workflow_runs SET updated_at = now() - interval '1 minute' WHERE id = ${runId}`);
    const swept = await sweepStaleRuns((await currentQueue())!, LEASE_SECONDS);
    expect(swept).toEqual({ retried: [runId], lost: [] });

    // A live worker takes the retry and finishes the run.
    startRunWorker((await currentQueue())!);
    try {
      expect(await waitForRunEnd(runId, 20_000)).toBe(true);
      const [run] = await db().select().from(workflowRuns).where(eq(workflowRuns.id, runId));
      expect(run.status).toBe("COMPLETED");
      expect(run.output).toMatchObject({ "llm-1": { output: "stub: hello" } });
      await waitForJobState(runId, "completed", 10_000);
    } finally {
      await stopRunWorker();
    }
  }, 60_000);
});
