/**
 * Trigger.dev mode, through the real SDK against a local stand-in of its API (trigger-stub.ts):
 * a cancel reaches the task at once (Trigger.dev's cancel → the task's AbortSignal), and the web
 * process sweeps runs whose task run was lost — left alone while Trigger.dev still has it
 * waiting, triggered again (up to GALAXY_RUN_RETRIES) so a new task run resumes it, else
 * FAILED "worker lost".
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { POST as execute } from "@/app/api/execute/route";
import { POST as cancel } from "@/app/api/execute/[runId]/cancel/route";
import { executionLogs, workflowRuns } from "@/server/db/schema";
import { executeTriggeredRun } from "@/server/jobs/execute-triggered-run";
import { sweepTriggerRuns } from "@/server/jobs/sweep-trigger-runs";
import { cancelTriggerRun } from "@/server/jobs/trigger-run";
import { stopTriggerSweeper } from "@/server/jobs/trigger-sweeper";
import { WORKER_LOST_MESSAGE } from "@/server/runs/mark-run-worker-lost";
import { startBackgroundServices } from "@/server/start/background-services";
import { callRoute } from "../helpers/call-route";
import { edge, llmChain, llmNode, startRunHarness, textNode, type RunHarness } from "../helpers/run-harness";
import { testEngine } from "../helpers/test-database";
import { startTriggerStub, type TriggerStub } from "../helpers/trigger-stub";

/** Long: a run's own heartbeat (every lease / 3) never notices a cancel within these tests; sweeps find runs made stale by hand. */
const LEASE_SECONDS = 60;
const RETRIES = 1;

let h: RunHarness;
let trigger: TriggerStub;
beforeAll(async () => {
  trigger = await startTriggerStub();
  h = await startRunHarness({
    worker: false,
    env: { TRIGGER_SECRET_KEY: "tr_dev_test", TRIGGER_API_URL: trigger.url, GALAXY_RUN_LEASE_SECONDS: String(LEASE_SECONDS), GALAXY_RUN_RETRIES: String(RETRIES) },
  });
});
afterAll(async () => {
  await stopTriggerSweeper();
  await h?.close();
  await trigger?.close();
});
beforeEach(() => {
  h.stub.reset();
  h.stub.setBehavior();
  trigger.onCancel(undefined);
});

const db = () => h.t.handle.db;
const sweep = () => sweepTriggerRuns(h.t.handle);

async function createRun(body: unknown = llmChain(1)): Promise<{ runId: string; triggerId: string }> {
  const res = await callRoute(execute, "/api/execute", { method: "POST", headers: h.alice.headers, body });
  expect(res.status).toBe(202);
  const runId = res.json!.runId as string;
  return { runId, triggerId: (await runRow(runId)).triggerId! };
}
const runRow = async (runId: string) => (await db().select().from(workflowRuns).where(eq(workflowRuns.id, runId)))[0];
/** What a task run that stopped mid-run leaves behind: RUNNING, its heartbeat ten minutes old (the lease is one). */
const makeStale = (runId: string) =>
  db().execute(sql`UPDATE workflow_runs SET status = 'RUNNING', started_at = coalesce(started_at, now()), updated_at = now() - interval '10 minutes' WHERE id = ${runId}`);
const tenMinutesAgo = () => new Date(Date.now() - 10 * 60_000);
const triggersOf = (runId: string) =>
  trigger.requests.filter((r) => r.path === "/api/v1/tasks/run-workflow/trigger" && JSON.parse(r.body.payload).json.runId === runId);
const cancelsOf = (triggerId: string) => trigger.requests.filter((r) => r.path === `/api/v2/runs/${triggerId}/cancel`);
/** A text node whose message makes the LLM stub wait 20 s, feeding one LLM node. */
const slowGraph = { nodes: [textNode("t", "slow"), llmNode("slow-llm")], edges: [edge("t", "text", "slow-llm", "user_message")] };
const slowModel = () => h.stub.setBehavior((req) => (req.userMessage === "slow" ? { delayMs: 20_000 } : undefined));
const slowCall = () => h.stub.requests.find((r) => r.userMessage === "slow");

/** Until the node's start is written (its RUNNING row and its "started" line: one statement). */
async function waitForStartRecorded(runId: string, nodeId: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const logs = await db().select({ message: executionLogs.message }).from(executionLogs).where(eq(executionLogs.runId, runId));
    if (logs.some((l) => l.message === `node "${nodeId}" started`)) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`node ${nodeId}'s start was not recorded`);
}

describe(`Trigger.dev mode on ${testEngine}`, () => {
  describe("cancel", () => {
    it("canceling a run cancels its Trigger.dev task run", async () => {
      const { runId, triggerId } = await createRun();
      const res = await callRoute(cancel, `/api/execute/${runId}/cancel`, { method: "POST", headers: h.alice.headers, params: { runId } });
      expect(res.json!.run).toMatchObject({ id: runId, status: "CANCELED" });
      const sent = await trigger.waitFor((r) => r.path === `/api/v2/runs/${triggerId}/cancel`, 5_000);
      expect(sent).toMatchObject({ method: "POST", authorization: "Bearer tr_dev_test" });
      expect(trigger.runs.get(triggerId)!.status).toBe("CANCELED");
    });

    it("Trigger.dev's abort of a task whose run was canceled elsewhere stops it at once, as a cancel", async () => {
      slowModel();
      const { runId, triggerId } = await createRun(slowGraph);
      const task = new AbortController();
      trigger.onCancel((id) => id === triggerId && task.abort());
      const running = executeTriggeredRun(runId, task.signal);
      await h.stub.waitFor(() => slowCall() !== undefined, 15_000);
      await waitForStartRecorded(runId, "slow-llm"); // the run's writes are done until the call ends
      // Another web process canceled it: its row says so, and no notice reaches the task's process.
      await db().execute(sql`UPDATE workflow_runs SET status = 'CANCELED', error_message = 'canceled by the user', completed_at = now() WHERE id = ${runId}`);
      await cancelTriggerRun(triggerId);
      // Long before the run's heartbeat (every 20 s) would have noticed.
      await h.stub.waitFor(() => slowCall()!.aborted, 5_000);
      const result = await running;
      expect(result).toMatchObject({ kind: "finished", outcome: { status: "CANCELED" } });
      const run = await runRow(runId);
      expect(run.status).toBe("CANCELED");
      expect(run.output).toMatchObject({ t: { text: "slow" } }); // a canceled run keeps what it had
    });
  });

  describe("sweeping", () => {
    it("a task aborted while its run is not canceled leaves the run to be resumed by a new task run", async () => {
      slowModel();
      const { runId, triggerId } = await createRun(slowGraph);
      const task = new AbortController();
      trigger.onCancel((id) => id === triggerId && task.abort());
      const stopped = executeTriggeredRun(runId, task.signal).then(
        () => new Error("the task finished"),
        (error: Error) => error,
      );
      await h.stub.waitFor(() => slowCall() !== undefined, 15_000);
      await cancelTriggerRun(triggerId); // e.g. its task run was canceled from Trigger.dev's dashboard
      expect((await stopped).message).toMatch(/worker shut down/);
      await h.stub.waitFor(() => slowCall()!.aborted, 5_000);
      expect((await runRow(runId)).status).toBe("RUNNING");

      await makeStale(runId);
      h.stub.setBehavior();
      expect((await sweep()).retried).toContain(runId);
      const retry = triggersOf(runId).at(-1)!;
      expect(retry.body.options).toMatchObject({ tags: ["galaxy-retry-1"], idempotencyKeyOptions: { key: `galaxy-run-${runId}-retry-1` } });
      expect((await runRow(runId)).triggerId).toBe(trigger.runByKey(`galaxy-run-${runId}-retry-1`)!.id);

      // The new task run resumes it.
      const result = await executeTriggeredRun(runId, new AbortController().signal);
      expect(result).toMatchObject({ kind: "finished", outcome: { status: "COMPLETED" } });
      const logs = await db().select({ message: executionLogs.message }).from(executionLogs).where(eq(executionLogs.runId, runId));
      expect(logs.map((l) => l.message)).toContainEqual(expect.stringMatching(/^run resumed by another worker/));
    });

    it("leaves a stale run alone while its task run waits or has just started; one executing with no heartbeat is canceled and retried", async () => {
      const { runId, triggerId } = await createRun();
      await makeStale(runId);
      expect((await sweep()).waiting).toContain(runId); // QUEUED on Trigger.dev: a backlog, not a loss
      trigger.setStatus(triggerId, "EXECUTING"); // just started: it may not have claimed the run yet
      expect((await sweep()).waiting).toContain(runId);
      expect(triggersOf(runId)).toHaveLength(1);
      expect(cancelsOf(triggerId)).toHaveLength(0);

      trigger.setStatus(triggerId, "EXECUTING", tenMinutesAgo()); // executing for long, with no heartbeat
      expect((await sweep()).retried).toContain(runId);
      expect(cancelsOf(triggerId)).toHaveLength(1);
      expect(trigger.runs.get(triggerId)!.status).toBe("CANCELED");
      expect((await runRow(runId)).triggerId).toBe(trigger.runByKey(`galaxy-run-${runId}-retry-1`)!.id);
    });

    it('ends a run FAILED "worker lost" once its retries are spent, or when Trigger.dev does not know its task run', async () => {
      const spent = await createRun();
      await makeStale(spent.runId);
      trigger.runs.get(spent.triggerId)!.tags = ["galaxy-retry-1"]; // already the last retry
      trigger.setStatus(spent.triggerId, "CRASHED");
      const unknown = await createRun();
      await makeStale(unknown.runId);
      await db().execute(sql`UPDATE workflow_runs SET trigger_id = 'run_unknown' WHERE id = ${unknown.runId}`);

      const swept = await sweep();
      expect(swept.lost).toEqual(expect.arrayContaining([spent.runId, unknown.runId]));
      for (const { runId } of [spent, unknown]) {
        expect(await runRow(runId)).toMatchObject({ status: "FAILED", errorMessage: WORKER_LOST_MESSAGE });
        expect(triggersOf(runId)).toHaveLength(1); // the enqueue only
      }
    });

    it("two sweepers at once start one task run", async () => {
      const { runId, triggerId } = await createRun();
      await makeStale(runId);
      trigger.setStatus(triggerId, "SYSTEM_FAILURE");
      const [a, b] = await Promise.all([sweep(), sweep()]);
      expect([...a.retried, ...b.retried]).toContain(runId);
      const taskRuns = [...trigger.runs.values()].filter((r) => r.key?.startsWith(`galaxy-run-${runId}`));
      expect(taskRuns.map((r) => r.key)).toEqual([`galaxy-run-${runId}`, `galaxy-run-${runId}-retry-1`]);
      expect((await runRow(runId)).triggerId).toBe(taskRuns[1].id);
    });

    it("hands over a run that has no task run recorded (its web process stopped mid-enqueue)", async () => {
      const [run] = await db()
        .insert(workflowRuns)
        .values({ userId: h.alice.user.id, status: "QUEUED", input: llmChain(1), updatedAt: tenMinutesAgo() })
        .returning({ id: workflowRuns.id });
      expect((await sweep()).handedOver).toContain(run.id);
      expect(triggersOf(run.id)).toHaveLength(1);
      // Under the enqueue's own key: had the enqueue reached Trigger.dev, this is the same task run.
      expect((await runRow(run.id)).triggerId).toBe(trigger.runByKey(`galaxy-run-${run.id}`)!.id);
    });

    it("the web process sweeps on its own in Trigger.dev mode", async () => {
      const { runId, triggerId } = await createRun();
      await makeStale(runId);
      trigger.setStatus(triggerId, "CRASHED");
      try {
        await startBackgroundServices(h.t.handle); // sweeps at once, then every half lease
        await trigger.waitFor((r) => r.body?.options?.idempotencyKeyOptions?.key === `galaxy-run-${runId}-retry-1`, 10_000);
        for (let i = 0; i < 200 && (await runRow(runId)).triggerId === triggerId; i++) await new Promise((r) => setTimeout(r, 50));
        expect((await runRow(runId)).triggerId).toBe(trigger.runByKey(`galaxy-run-${runId}-retry-1`)!.id);
      } finally {
        await stopTriggerSweeper();
      }
    });
  });
});
