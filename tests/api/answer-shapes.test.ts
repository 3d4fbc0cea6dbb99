/**
 * Real answers of every JSON route, parsed against the response schemas of the route table:
 * a workflow, the list, a run with node results and logs (and the same run from `wait`), the
 * run list, the live stream's events, an asset, tokens, the error body — and nothing the
 * server keeps to itself (`errorStack`, hashes, storage keys) in any of them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { GET as me } from "@/app/api/auth/me/route";
import { POST as signIn } from "@/app/api/auth/sign-in/route";
import { POST as signOut } from "@/app/api/auth/sign-out/route";
import { POST as signUp } from "@/app/api/auth/sign-up/route";
import { POST as cancel } from "@/app/api/execute/[runId]/cancel/route";
import { GET as events } from "@/app/api/execute/[runId]/events/route";
import { GET as getRun } from "@/app/api/execute/[runId]/route";
import { POST as execute } from "@/app/api/execute/route";
import { GET as health } from "@/app/api/health/route";
import { GET as integrations } from "@/app/api/integrations/route";
import { GET as listRuns } from "@/app/api/runs/route";
import { DELETE as revokeToken } from "@/app/api/tokens/[id]/route";
import { GET as listTokens, POST as createToken } from "@/app/api/tokens/route";
import { POST as upload } from "@/app/api/uploads/route";
import { POST as duplicate } from "@/app/api/workflows/[id]/duplicate/route";
import { GET as exportWorkflow } from "@/app/api/workflows/[id]/export/route";
import {
  DELETE as deleteWorkflow,
  GET as getWorkflow,
  PATCH as patchWorkflow,
  PUT as putWorkflow,
} from "@/app/api/workflows/[id]/route";
import { POST as importWorkflow } from "@/app/api/workflows/import/route";
import { GET as listWorkflows, POST as createWorkflow } from "@/app/api/workflows/route";
import { API_ROUTES as R } from "@/contracts/api-routes";
import { RUN_STREAM_EVENTS } from "@/contracts/run-events";
import { workflowRuns } from "@/server/db/schema";
import { callRoute } from "../helpers/call-route";
import { expectAnswer, expectErrorAnswer, expectShape } from "../helpers/expect-answer";
import { llmChain, startRunHarness, type RunHarness } from "../helpers/run-harness";
import { boxImage } from "../media/media-fixtures";

const SECRET_STACK = "Error: secret\n    at server-only.ts:1:1";

let h: RunHarness;
let workflowId: string;
let runId: string;
beforeAll(async () => {
  h = await startRunHarness();
  const created = await callRoute(createWorkflow, "/api/workflows", {
    headers: h.alice.headers,
    body: { name: "Shapes", tags: ["a"], ...llmChain(2) },
  });
  expectAnswer(R.createWorkflow, created);
  workflowId = created.json!.workflow.id;
  const ran = await callRoute(execute, "/api/execute", {
    headers: h.alice.headers,
    body: { workflowId, wait: true },
  });
  expectAnswer(R.startRun, ran, { also: true });
  runId = ran.json!.run.id;
  // What helper code writes on an unexpected failure; no answer may carry it.
  await h.t.handle.db
    .update(workflowRuns)
    .set({ errorStack: SECRET_STACK })
    .where(eq(workflowRuns.id, runId));
});
afterAll(async () => {
  await h?.close();
});

const as = (headers = h.alice.headers) => ({ headers });
const withId = (id: string) => ({ ...as(), params: { id } });

describe("workflow answers", () => {
  it("one workflow (with its runs), the list, and every write answer", async () => {
    const one = await callRoute(getWorkflow, `/api/workflows/${workflowId}`, withId(workflowId));
    expectAnswer(R.getWorkflow, one);
    expect(one.json!.workflow.runs.map((r: { id: string }) => r.id)).toContain(runId);

    const list = await callRoute(listWorkflows, "/api/workflows?limit=1", as());
    expectAnswer(R.listWorkflows, list);
    expect(list.json!.workflows[0].lastRun).toMatchObject({ id: runId });

    const version = one.json!.workflow.version;
    expectAnswer(
      R.patchWorkflow,
      await callRoute(patchWorkflow, `/api/workflows/${workflowId}`, {
        ...withId(workflowId),
        method: "PATCH",
        body: { name: "Shapes 2", version },
      }),
    );
    const { nodes, edges } = one.json!.workflow;
    expectAnswer(
      R.replaceWorkflow,
      await callRoute(putWorkflow, `/api/workflows/${workflowId}`, {
        ...withId(workflowId),
        method: "PUT",
        body: { name: "Shapes 3", nodes, edges },
      }),
    );
    const exported = await callRoute(
      exportWorkflow,
      `/api/workflows/${workflowId}/export`,
      withId(workflowId),
    );
    expectAnswer(R.exportWorkflow, exported);
    expect(exported.headers.get("content-disposition")).toMatch(
      /attachment; filename="shapes-3\.galaxy\.json"/,
    );
    expectAnswer(
      R.importWorkflow,
      await callRoute(importWorkflow, "/api/workflows/import", { ...as(), body: exported.json }),
    );
    const copy = await callRoute(duplicate, `/api/workflows/${workflowId}/duplicate`, {
      ...withId(workflowId),
      method: "POST",
    });
    expectAnswer(R.duplicateWorkflow, copy);
    expectAnswer(
      R.deleteWorkflow,
      await callRoute(deleteWorkflow, "/api/workflows/x", {
        ...withId(copy.json!.workflow.id),
        method: "DELETE",
      }),
    );
  });
});

describe("run answers", () => {
  it("a run with node results and logs, the run list, and none of them with the server's stack", async () => {
    const one = await callRoute(getRun, `/api/execute/${runId}`, { ...as(), params: { runId } });
    expectAnswer(R.getRun, one);
    expect(one.json!.run.nodeResults).toHaveLength(3);
    expect(one.json!.run.executionLogs.length).toBeGreaterThan(0);
    const list = await callRoute(listRuns, `/api/runs?workflowId=${workflowId}`, as());
    expectAnswer(R.listRuns, list);
    expect(list.json!.runs[0].nodeResults).toHaveLength(3);
    for (const res of [one, list]) expect(res.text).not.toContain("secret");
  });

  it("the queued answer, the cancel answer, and every live event", async () => {
    h.stub.setBehavior(() => ({ delayMs: 300 }));
    try {
      const queued = await callRoute(execute, "/api/execute", { ...as(), body: llmChain(2) });
      expectAnswer(R.startRun, queued);
      const id = queued.json!.runId as string;
      const [stream, canceled] = await Promise.all([
        callRoute(events, `/api/execute/${id}/events`, { ...as(), params: { runId: id } }),
        new Promise((resolve) => setTimeout(resolve, 450)).then(() =>
          callRoute(cancel, `/api/execute/${id}/cancel`, { ...as(), method: "POST", params: { runId: id } }),
        ),
      ]);
      expectAnswer(R.cancelRun, canceled);
      const received = stream.text
        .split("\n\n")
        .filter((block) => block.startsWith("event: "))
        .map((block) => {
          const [eventLine, dataLine] = block.split("\n");
          return {
            event: eventLine.slice("event: ".length) as keyof typeof RUN_STREAM_EVENTS,
            data: JSON.parse(dataLine.slice("data: ".length)),
          };
        });
      expect(new Set(received.map((e) => e.event))).toEqual(
        new Set(["snapshot", "node", "delta", "log", "run", "end"]),
      );
      for (const { event, data } of received) expectShape(RUN_STREAM_EVENTS[event], data, `event ${event}`);
    } finally {
      h.stub.setBehavior();
    }
    const finished = await callRoute(events, `/api/execute/${runId}/events`, { ...as(), params: { runId } });
    expect(finished.text).toContain("event: snapshot");
    expect(finished.text).not.toContain("secret");
  });
});

describe("account, token, file and server answers", () => {
  it("sign-up, sign-in, me, sign-out", async () => {
    const body = { email: `shapes-${Date.now()}@example.com`, password: "a long password" };
    const up = await callRoute(signUp, "/api/auth/sign-up", { body });
    expectAnswer(R.signUp, up);
    const cookie = up.headers.get("set-cookie")!.split(";")[0];
    expectAnswer(R.signIn, await callRoute(signIn, "/api/auth/sign-in", { body }));
    expectAnswer(R.me, await callRoute(me, "/api/auth/me", { headers: { cookie } }));
    expectAnswer(
      R.signOut,
      await callRoute(signOut, "/api/auth/sign-out", { method: "POST", headers: { cookie } }),
    );
  });

  it("tokens: created (with the secret), listed and revoked (without it)", async () => {
    const made = await callRoute(createToken, "/api/tokens", { ...as(), body: { name: "ci" } });
    expectAnswer(R.createToken, made);
    const list = await callRoute(listTokens, "/api/tokens", as());
    expectAnswer(R.listTokens, list);
    expect(list.text).not.toContain(made.json!.token);
    expectAnswer(
      R.revokeToken,
      await callRoute(revokeToken, "/api/tokens/x", { ...withId(made.json!.id), method: "DELETE" }),
    );
  });

  it("an uploaded asset, the integrations and the health check", async () => {
    const form = new FormData();
    const png = await boxImage(8, 8, { left: 1, top: 1, width: 2, height: 2 });
    form.append("file", new Blob([new Uint8Array(png)], { type: "image/png" }), "box.png");
    expectAnswer(R.upload, await callRoute(upload, "/api/uploads", { ...as(), method: "POST", body: form }));
    expectAnswer(R.integrations, await callRoute(integrations, "/api/integrations", as()));
    expectAnswer(R.health, await callRoute(health, "/api/health"));
  });
});

describe("error answers", () => {
  it("404, 400 with issues and 409 with the current workflow share one body", async () => {
    expectErrorAnswer(await callRoute(getWorkflow, "/api/workflows/nope", withId("nope")), 404, "NOT_FOUND");
    const invalid = await callRoute(createWorkflow, "/api/workflows", { ...as(), body: { name: "" } });
    expectErrorAnswer(invalid, 400, "VALIDATION_FAILED");
    expect(invalid.json!.issues.length).toBeGreaterThan(0);
    const stale = await callRoute(patchWorkflow, `/api/workflows/${workflowId}`, {
      ...withId(workflowId),
      method: "PATCH",
      body: { name: "x", version: 1 },
    });
    expectErrorAnswer(stale, 409, "VERSION_CONFLICT");
    expect(stale.json!.workflow.id).toBe(workflowId);
  });
});
