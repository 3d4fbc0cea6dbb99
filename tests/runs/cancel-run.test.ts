import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { POST as execute } from "@/app/api/execute/route";
import { POST as cancel } from "@/app/api/execute/[runId]/cancel/route";
import { nodeResults, workflowRuns } from "@/server/db/schema";
import { waitForRunEnd } from "@/server/runs/wait-for-run-end";
import { callRoute } from "../helpers/call-route";
import { edge, llmNode, sleep, startRunHarness, textNode, type RunHarness } from "../helpers/run-harness";
import { testEngine } from "../helpers/test-database";

let h: RunHarness;
beforeAll(async () => {
  h = await startRunHarness();
});
afterAll(async () => {
  await h?.close();
});

const cancelRun = (runId: string, headers = h.alice.headers) =>
  callRoute(cancel, `/api/execute/${runId}/cancel`, { method: "POST", headers, params: { runId } });

describe(`cancel on ${testEngine}`, () => {
  it("a RUNNING run ends CANCELED within a second and the in-flight model request is aborted", async () => {
    h.stub.setBehavior((req) => (req.userMessage === "slow" ? { delayMs: 20_000 } : undefined));
    try {
      const res = await callRoute(execute, "/api/execute", {
        method: "POST",
        headers: h.alice.headers,
        body: { nodes: [textNode("t", "slow"), llmNode("slow-llm"), llmNode("after")], edges: [edge("t", "text", "slow-llm", "user_message"), edge("slow-llm", "output", "after", "user_message")] },
      });
      const runId = res.json!.runId as string;
      await h.stub.waitFor((requests) => requests.some((r) => r.userMessage === "slow"), 15_000);

      // Another user cannot cancel it.
      expect((await cancelRun(runId, h.bob.headers)).status).toBe(404);

      const started = Date.now();
      const canceled = await cancelRun(runId);
      expect(canceled.status).toBe(200);
      expect(canceled.json!.run).toMatchObject({ id: runId, status: "CANCELED" });
      expect(await waitForRunEnd(runId, 1_000)).toBe(true);
      await h.stub.waitFor((requests) => requests.some((r) => r.userMessage === "slow" && r.aborted), 1_000);
      expect(Date.now() - started).toBeLessThan(1_000);

      await sleep(300); // let the executor record its last writes
      const [run] = await h.t.handle.db.select().from(workflowRuns).where(eq(workflowRuns.id, runId));
      expect(run.status).toBe("CANCELED");
      const nodes = await h.t.handle.db.select().from(nodeResults).where(eq(nodeResults.runId, runId));
      const byId = Object.fromEntries(nodes.map((n) => [n.nodeId, n]));
      expect(byId.t.status).toBe("SUCCESS");
      expect(byId["slow-llm"].status).toBe("SKIPPED");
      // A cancel is its own reason, never a failed input (the canvas says "canceled").
      for (const id of ["slow-llm", "after"]) expect(byId[id]).toMatchObject({ status: "SKIPPED", error: "canceled", meta: { skip: { reason: "canceled" } } });
      expect(h.stub.requests.filter((r) => r.userMessage.includes("stub: slow"))).toHaveLength(0); // "after" never ran
    } finally {
      h.stub.setBehavior();
    }
  });

  it("a QUEUED run becomes CANCELED at once; a final run stays as it is", async () => {
    const [queued] = await h.t.handle.db
      .insert(workflowRuns)
      .values({ userId: h.alice.user.id, status: "QUEUED", input: { nodes: [], edges: [] } })
      .returning();
    const res = await cancelRun(queued.id);
    expect(res.json!.run).toMatchObject({ status: "CANCELED" });
    const again = await cancelRun(queued.id);
    expect(again.status).toBe(200);
    expect(again.json!.run.status).toBe("CANCELED");
    expect((await cancelRun("no-such-run")).status).toBe(404);
  });
});
