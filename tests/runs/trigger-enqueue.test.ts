import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { POST as execute } from "@/app/api/execute/route";
import { workflowRuns } from "@/server/db/schema";
import { resetEnvCache } from "@/server/env";
import { executeRun } from "@/server/runs/execute-run";
import { callRoute } from "../helpers/call-route";
import { llmChain, startRunHarness, type RunHarness } from "../helpers/run-harness";
import { testEngine } from "../helpers/test-database";

let h: RunHarness;
let trigger: Server;
const received: { url: string; authorization?: string; body: any }[] = [];

beforeAll(async () => {
  h = await startRunHarness({ worker: false });
  // A stand-in for Trigger.dev's API: records the trigger call and answers like the real one.
  trigger = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      received.push({ url: req.url ?? "", authorization: req.headers.authorization, body: raw ? JSON.parse(raw) : undefined });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id: `run_stub${received.length}` }));
    });
  });
  await new Promise<void>((resolve) => trigger.listen(0, "127.0.0.1", resolve));
});
afterAll(async () => {
  await new Promise((resolve) => trigger?.close(resolve));
  await h?.close();
});

describe(`Trigger.dev enqueue on ${testEngine}`, () => {
  it("triggers the run-workflow task with the run id and stores Trigger.dev's run id", async () => {
    resetEnvCache({
      GALAXY_WORKER: "off",
      OPENAI_COMPATIBLE_BASE_URL: `${h.stub.url}/v1`,
      TRIGGER_SECRET_KEY: "tr_dev_test",
      TRIGGER_API_URL: `http://127.0.0.1:${(trigger.address() as AddressInfo).port}`,
    });
    const { nodes, edges } = llmChain(1);
    const res = await callRoute(execute, "/api/execute", { method: "POST", headers: h.alice.headers, body: { nodes, edges } });
    expect(res.status).toBe(202);
    const runId = res.json!.runId as string;
    expect(received).toHaveLength(1);
    expect(received[0].url).toBe("/api/v1/tasks/run-workflow/trigger");
    expect(received[0].authorization).toBe("Bearer tr_dev_test");
    expect(JSON.parse(received[0].body.payload)).toMatchObject({ json: { runId } });
    const [run] = await h.t.handle.db.select().from(workflowRuns).where(eq(workflowRuns.id, runId));
    expect(run).toMatchObject({ status: "QUEUED", triggerId: "run_stub1" });

    // What the task body does on Trigger.dev's worker: the same executor.
    expect((await executeRun(runId)).kind).toBe("finished");
    const [done] = await h.t.handle.db.select().from(workflowRuns).where(eq(workflowRuns.id, runId));
    expect(done.status).toBe("COMPLETED");
  });
});
