/**
 * An open event stream's safety net: when the run ends on another process and its notice never
 * arrives, the stream still ends — and the periodic check that finds it reads the run's status,
 * not its row (the graph snapshot in `input` can be large, and every open stream pays the check).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { POST as execute } from "@/app/api/execute/route";
import { callRoute } from "../helpers/call-route";
import { openRunEvents } from "../helpers/run-event-client";
import { llmChain, sleep, startRunHarness, type RunHarness } from "../helpers/run-harness";
import { testEngine } from "../helpers/test-database";

let h: RunHarness;
beforeAll(async () => {
  // No worker: the run is "held" by a process this test plays, which writes the row itself.
  h = await startRunHarness({ worker: false });
});
afterAll(async () => {
  vi.restoreAllMocks();
  await h?.close();
});

/** Returns what reads every statement sent to the database from now on, as SQL text (observed, not changed). */
function recordStatements(): () => string[] {
  const { pool, pglite } = h.t.handle;
  const driver = (pool ?? pglite) as unknown as { query: (...args: unknown[]) => unknown };
  const spy = vi.spyOn(driver, "query");
  const from = spy.mock.calls.length;
  return () => spy.mock.calls.slice(from).map(([query]) => (typeof query === "string" ? query : (query as { text: string }).text));
}

const readsOfRuns = (statements: () => string[]) => statements().filter((text) => /^\s*select\b/i.test(text) && /from "workflow_runs"/i.test(text));

describe(`an event stream whose run ends on another process, on ${testEngine}`, () => {
  it("ends with the run's final row, having polled only its status", async () => {
    const { nodes, edges } = llmChain(1);
    const res = await callRoute(execute, "/api/execute", { method: "POST", headers: h.alice.headers, body: { nodes, edges } });
    const runId = res.json!.runId as string;
    await h.t.handle.db.execute(sql`UPDATE workflow_runs SET status = 'RUNNING', started_at = now() WHERE id = ${runId}`);

    const client = await openRunEvents(runId, h.alice.headers);
    try {
      await client.waitFor((e) => e.event === "snapshot", 10_000);
      const statements = recordStatements();
      // Let the stream poll at least once while the run is still RUNNING.
      for (let i = 0; i < 100 && readsOfRuns(statements).length === 0; i++) await sleep(50);
      expect(readsOfRuns(statements).length).toBeGreaterThan(0);

      // The other process ends the run; its notice is lost (a plain UPDATE sends none).
      await h.t.handle.db.execute(
        sql`UPDATE workflow_runs SET status = 'COMPLETED', completed_at = now(), output = '{"llm-1":{"output":"elsewhere"}}'::jsonb WHERE id = ${runId}`,
      );
      const end = await client.waitFor((e) => e.event === "end", 10_000);
      expect(end.data).toEqual({ status: "COMPLETED" });
      const run = client.received.filter((e) => e.event === "run").at(-1)!;
      expect(run.data).toMatchObject({ id: runId, status: "COMPLETED", output: { "llm-1": { output: "elsewhere" } } });
      expect(run.data.input).toBeUndefined();
      await client.ended;

      const reads = readsOfRuns(statements);
      expect(reads.length).toBeGreaterThanOrEqual(2); // a poll or more, then the final row
      for (const text of reads) expect(text).not.toMatch(/"input"/);
      // Each poll reads the status alone.
      const polls = reads.slice(0, -1);
      for (const text of polls) expect(text).toMatch(/^select "status" from "workflow_runs"/i);
    } finally {
      client.close();
    }
  }, 30_000);
});
