/**
 * A run created while this process's worker has a free slot is stored RUNNING with its job
 * already active and starts at once — no enqueue, fetch or claim — and its final write completes
 * the job; with no free slot it goes through the queue as before. Real database (PGlite, or
 * PostgreSQL with TEST_DATABASE_URL), real pg-boss, the LLM stub.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { POST as execute } from "@/app/api/execute/route";
import { workflowRuns } from "@/server/db/schema";
import { RUN_QUEUE } from "@/server/jobs/queue";
import { reserveInlineSlot } from "@/server/jobs/run-worker";
import { waitForRunEnd } from "@/server/runs/wait-for-run-end";
import { callRoute } from "../helpers/call-route";
import { llmChain, startRunHarness, type RunHarness } from "../helpers/run-harness";
import { testEngine } from "../helpers/test-database";

let h: RunHarness;
beforeAll(async () => {
  h = await startRunHarness({ env: { GALAXY_WORKER_CONCURRENCY: "2" } });
});
afterAll(async () => {
  await h?.close();
});

interface JobRow {
  state: string;
  sameInstant: boolean;
  retryCount: number;
}
const jobOf = async (runId: string): Promise<JobRow[]> =>
  (
    await h.t.handle.executeSql(
      `SELECT state, started_on = created_on AS "sameInstant", retry_count AS "retryCount" FROM pgboss.job WHERE name = $1 AND singleton_key = $2`,
      [RUN_QUEUE, runId],
    )
  ).rows as JobRow[];

const run = (wait: boolean) =>
  callRoute(execute, "/api/execute", { method: "POST", headers: h.alice.headers, body: { ...llmChain(2), wait } });

describe(`runs started where they are created, on ${testEngine}`, () => {
  it("with a free slot: stored RUNNING with its job active in one statement, answered with the ended run, the job completed by the final write", async () => {
    const res = await run(true);
    expect(res.status).toBe(200);
    expect(res.json!.run).toMatchObject({ status: "COMPLETED", output: { "llm-2": { output: "stub: stub: hello" } } });
    const runId = res.json!.run.id as string;
    // Created and started by the same statement (one transaction: one now()), never fetched.
    expect(await jobOf(runId)).toEqual([{ state: "completed", sameInstant: true, retryCount: 0 }]);
    const [stored] = await h.t.handle.db.select().from(workflowRuns).where(eq(workflowRuns.id, runId));
    expect(stored.startedAt?.getTime()).toBe(stored.createdAt.getTime());
  });

  it("with every slot taken: the run is queued, fetched when a slot frees, and completes", async () => {
    const held = [reserveInlineSlot(), reserveInlineSlot()];
    expect(held.every(Boolean)).toBe(true);
    expect(reserveInlineSlot()).toBeUndefined();
    try {
      const res = await run(false);
      expect(res.status).toBe(202);
      const runId = res.json!.runId as string;
      const [queued] = await h.t.handle.db.select().from(workflowRuns).where(eq(workflowRuns.id, runId));
      expect(queued.status).toBe("QUEUED");
      held.forEach((slot) => slot!.release());
      expect(await waitForRunEnd(runId, 15_000)).toBe(true);
      const [ended] = await h.t.handle.db.select().from(workflowRuns).where(eq(workflowRuns.id, runId));
      expect(ended.status).toBe("COMPLETED");
      const [job] = await jobOf(runId);
      expect(job).toMatchObject({ state: "completed", sameInstant: false });
    } finally {
      held.forEach((slot) => slot?.release());
    }
  });
});
