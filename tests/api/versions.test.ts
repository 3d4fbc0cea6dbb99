/**
 * Workflow versions and run comparison (DESIGN §9) through their routes on a real database:
 * every save is a version (a save that keeps the graph extends the latest one), the list pages,
 * a version reads back exactly, restore is a new save, a run records its version, pruning keeps
 * named and run versions, and two runs compare node by node. Another user's ids are 404.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { POST as execute } from "@/app/api/execute/route";
import { GET as compare } from "@/app/api/runs/compare/route";
import { PATCH as patch } from "@/app/api/workflows/[id]/route";
import { POST as restore } from "@/app/api/workflows/[id]/versions/[version]/restore/route";
import { GET as getVersion } from "@/app/api/workflows/[id]/versions/[version]/route";
import { GET as listVersions, POST as nameVersion } from "@/app/api/workflows/[id]/versions/route";
import { POST as create } from "@/app/api/workflows/route";
import { POST as duplicate } from "@/app/api/workflows/[id]/duplicate/route";
import { API_ROUTES as R } from "@/contracts/api-routes";
import { workflowGraphParts, workflowVersions } from "@/server/db/schema";
import { pruneVersions } from "@/server/versions/prune-versions";
import { callRoute } from "../helpers/call-route";
import { expectAnswer } from "../helpers/expect-answer";
import { edge, llmNode, startRunHarness, textNode, type RunHarness } from "../helpers/run-harness";
import { testEngine } from "../helpers/test-database";
import type { TestUser } from "../helpers/test-user";

let h: RunHarness;
beforeAll(async () => {
  h = await startRunHarness();
});
afterAll(async () => {
  await h?.close();
});

const db = () => h.t.handle.db;
const graphWith = (text: string) => ({ nodes: [textNode("t", text)], edges: [] });

async function createWorkflow(user: TestUser, name: string, graph: { nodes: unknown[]; edges: unknown[] }) {
  const res = await callRoute(create, "/api/workflows", { headers: user.headers, body: { name, ...graph } });
  expect(res.status).toBe(201);
  return res.json!.workflow as { id: string; version: number };
}

async function save(user: TestUser, id: string, body: Record<string, unknown>) {
  const res = await callRoute(patch, `/api/workflows/${id}`, { headers: user.headers, params: { id }, method: "PATCH", body });
  expect(res.status, res.text).toBe(200);
  return res.json!.workflow as { id: string; version: number; nodes: unknown[]; edges: unknown[] };
}

const versionsOf = (user: TestUser, id: string, query = "") =>
  callRoute(listVersions, `/api/workflows/${id}/versions${query}`, { headers: user.headers, params: { id } });
const versionOf = (user: TestUser, id: string, version: number | string) =>
  callRoute(getVersion, `/api/workflows/${id}/versions/${version}`, { headers: user.headers, params: { id, version: String(version) } });
const restoreOf = (user: TestUser, id: string, version: number) =>
  callRoute(restore, `/api/workflows/${id}/versions/${version}/restore`, {
    headers: user.headers,
    params: { id, version: String(version) },
    method: "POST",
  });

describe(`workflow versions on ${testEngine}`, () => {
  it("keeps every save: 20 saves page newest first, each reads back its own graph", async () => {
    const wf = await createWorkflow(h.alice, "twenty saves", graphWith("v1"));
    for (let i = 2; i <= 21; i++) await save(h.alice, wf.id, graphWith(`v${i}`));

    const first = await versionsOf(h.alice, wf.id, "?limit=8");
    expectAnswer(R.listVersions, first);
    expect(first.json).toMatchObject({ total: 21, hasMore: true });
    const page1 = first.json!.versions as { version: number; current: boolean; nodeCount: number; author: { email: string } }[];
    expect(page1.map((v) => v.version)).toEqual([21, 20, 19, 18, 17, 16, 15, 14]);
    expect(page1[0]).toMatchObject({ current: true, nodeCount: 1, author: { email: h.alice.user.email } });
    expect(page1.slice(1).every((v) => !v.current)).toBe(true);
    const last = await versionsOf(h.alice, wf.id, "?limit=8&skip=16");
    expect((last.json!.versions as { version: number }[]).map((v) => v.version)).toEqual([5, 4, 3, 2, 1]);
    expect(last.json!.hasMore).toBe(false);

    for (const n of [1, 7, 21]) {
      const read = await versionOf(h.alice, wf.id, n);
      expectAnswer(R.getVersion, read);
      expect(read.json!.version).toMatchObject({ version: n, lastVersion: n, nodes: [{ id: "t", data: { text: `v${n}` } }], edges: [] });
    }
  });

  it("stores a graph once: a save that changes only the name extends the latest version, and unchanged nodes are not stored again", async () => {
    const nodes = Array.from({ length: 10 }, (_, i) => textNode(`n${i}`, `node ${i} `.repeat(50)));
    const wf = await createWorkflow(h.alice, "dedupe", { nodes, edges: [] });
    const renamed = await save(h.alice, wf.id, { name: "dedupe renamed" });
    expect(renamed.version).toBe(2);
    const changed = nodes.map((n, i) => (i === 3 ? textNode(n.id, "changed") : n));
    const third = await save(h.alice, wf.id, { nodes: changed });

    const list = await versionsOf(h.alice, wf.id);
    expect((list.json!.versions as { version: number; lastVersion: number }[]).map((v) => [v.version, v.lastVersion])).toEqual([
      [3, 3],
      [1, 2],
    ]);
    // Version 2 is the graph of version 1.
    expect((await versionOf(h.alice, wf.id, 2)).json!.version).toMatchObject({ version: 1, lastVersion: 2 });
    const parts = await db().select().from(workflowGraphParts).where(eq(workflowGraphParts.workflowId, wf.id));
    expect(parts).toHaveLength(10 + 1 + 1); // the ten nodes, the one changed node, one edges array
    expect(third.version).toBe(3);
  });

  it("creating, importing and duplicating write version 1", async () => {
    const wf = await createWorkflow(h.alice, "to copy", graphWith("copied"));
    const copy = await callRoute(duplicate, `/api/workflows/${wf.id}/duplicate`, { headers: h.alice.headers, params: { id: wf.id }, method: "POST" });
    const copyId = copy.json!.workflow.id as string;
    const list = await versionsOf(h.alice, copyId);
    expect(list.json!.versions).toEqual([expect.objectContaining({ version: 1, current: true, nodeCount: 1, restoredFrom: null, runCount: 0 })]);
    expect((await versionOf(h.alice, copyId, 1)).json!.version.nodes).toEqual([expect.objectContaining({ data: { text: "copied" } })]);
  });

  it("restores a version as a new save, undone by restoring the one before", async () => {
    const wf = await createWorkflow(h.alice, "restore", graphWith("one"));
    await save(h.alice, wf.id, graphWith("two"));
    await save(h.alice, wf.id, graphWith("three"));
    await save(h.alice, wf.id, { ...graphWith("four"), nodes: [textNode("t", "four"), textNode("u", "extra")] });

    const restored = await restoreOf(h.alice, wf.id, 2);
    expectAnswer(R.restoreVersion, restored);
    expect(restored.json!.workflow).toMatchObject({ version: 5, nodes: [{ id: "t", data: { text: "two" } }], edges: [] });
    const five = (await versionOf(h.alice, wf.id, 5)).json!.version;
    expect(five).toMatchObject({ version: 5, restoredFrom: 2, current: true, nodeCount: 1 });

    const undone = await restoreOf(h.alice, wf.id, 4);
    expect(undone.json!.workflow.version).toBe(6);
    expect((undone.json!.workflow.nodes as { id: string }[]).map((n) => n.id)).toEqual(["t", "u"]);
  });

  it("names the current version or a given one, and refuses an empty name", async () => {
    const wf = await createWorkflow(h.alice, "named", graphWith("a"));
    await save(h.alice, wf.id, graphWith("b"));
    const named = await callRoute(nameVersion, `/api/workflows/${wf.id}/versions`, {
      headers: h.alice.headers,
      params: { id: wf.id },
      body: { message: "  good answer  " },
    });
    expectAnswer(R.nameVersion, named);
    expect(named.json!.version).toMatchObject({ version: 2, message: "good answer", current: true });
    const older = await callRoute(nameVersion, `/api/workflows/${wf.id}/versions`, {
      headers: h.alice.headers,
      params: { id: wf.id },
      body: { message: "first", version: 1 },
    });
    expect(older.json!.version).toMatchObject({ version: 1, message: "first", current: false });
    const empty = await callRoute(nameVersion, `/api/workflows/${wf.id}/versions`, {
      headers: h.alice.headers,
      params: { id: wf.id },
      body: { message: " " },
    });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain("message must not be empty");
  });

  it("answers 400 for a version that is not a number and 404 for one never saved", async () => {
    const wf = await createWorkflow(h.alice, "bad numbers", graphWith("a"));
    const word = await versionOf(h.alice, wf.id, "latest");
    expect(word.status).toBe(400);
    expect(word.text).toContain("version must be a whole number");
    const missing = await versionOf(h.alice, wf.id, 99);
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ success: false, code: "NOT_FOUND" });
    expect((await restoreOf(h.alice, wf.id, 99)).status).toBe(404);
  });

  it("gives another user's workflow, versions and runs a 404 on every new route", async () => {
    const wf = await createWorkflow(h.alice, "private", graphWith("mine"));
    const theirs = await callRoute(execute, "/api/execute", { headers: h.alice.headers, method: "POST", body: { workflowId: wf.id, wait: true } });
    const runId = theirs.json!.run.id as string;
    const mine = await callRoute(execute, "/api/execute", { headers: h.bob.headers, method: "POST", body: { ...graphWith("bob"), wait: true } });
    const bobRun = mine.json!.run.id as string;
    const answers = [
      await versionsOf(h.bob, wf.id),
      await versionOf(h.bob, wf.id, 1),
      await restoreOf(h.bob, wf.id, 1),
      await callRoute(nameVersion, `/api/workflows/${wf.id}/versions`, { headers: h.bob.headers, params: { id: wf.id }, body: { message: "x" } }),
      await callRoute(compare, `/api/runs/compare?a=${runId}&b=${bobRun}`, { headers: h.bob.headers }),
      await callRoute(compare, `/api/runs/compare?a=${bobRun}&b=${runId}`, { headers: h.bob.headers }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(answer.json).toMatchObject({ success: false, code: "NOT_FOUND" });
    }
    const [list] = await db().select().from(workflowVersions).where(eq(workflowVersions.workflowId, wf.id));
    expect(list).toMatchObject({ version: 1, message: null, restoredFrom: null });
  });
});

describe(`runs and versions on ${testEngine}`, () => {
  const graph = (message: string) => ({
    nodes: [textNode("t", "same input"), llmNode("ask", { user_message: message }), llmNode("echo")],
    edges: [edge("t", "text", "echo", "user_message")],
  });

  it("a run records the version it ran; a graph sent that differs from the saved one records none", async () => {
    const wf = await createWorkflow(h.alice, "recorded", graph("first question"));
    await save(h.alice, wf.id, graph("second question"));
    const saved = await callRoute(execute, "/api/execute", { headers: h.alice.headers, method: "POST", body: { workflowId: wf.id, wait: true } });
    expect(saved.json!.run).toMatchObject({ status: "COMPLETED", workflowVersion: 2 });
    const unsaved = await callRoute(execute, "/api/execute", {
      headers: h.alice.headers,
      method: "POST",
      body: { workflowId: wf.id, ...graph("not saved"), wait: true },
    });
    expect(unsaved.json!.run.workflowVersion).toBeNull();
    const list = await versionsOf(h.alice, wf.id);
    expect((list.json!.versions as { version: number; runCount: number }[]).map((v) => [v.version, v.runCount])).toEqual([
      [2, 1],
      [1, 0],
    ]);
  });

  it("compares two runs with one changed prompt: exactly that node's params and output changed", async () => {
    const wf = await createWorkflow(h.alice, "compared", graph("what is red?"));
    const a = await callRoute(execute, "/api/execute", { headers: h.alice.headers, method: "POST", body: { workflowId: wf.id, wait: true } });
    await save(h.alice, wf.id, graph("what is blue?"));
    const b = await callRoute(execute, "/api/execute", { headers: h.alice.headers, method: "POST", body: { workflowId: wf.id, wait: true } });
    const aId = a.json!.run.id as string;
    const bId = b.json!.run.id as string;

    const res = await callRoute(compare, `/api/runs/compare?a=${aId}&b=${bId}`, { headers: h.alice.headers });
    expectAnswer(R.compareRuns, res);
    expect(res.json!.a).toMatchObject({ id: aId, workflowVersion: 1, status: "COMPLETED" });
    expect(res.json!.b).toMatchObject({ id: bId, workflowVersion: 2 });
    const nodes = res.json!.nodes as { nodeId: string; label: string; changed: Record<string, boolean>; a: { outputs: unknown; params: unknown } }[];
    expect(nodes.map((n) => [n.nodeId, n.changed])).toEqual([
      ["t", { params: false, inputs: false, outputs: false }],
      ["ask", { params: true, inputs: false, outputs: true }],
      ["echo", { params: false, inputs: false, outputs: false }],
    ]);
    const ask = nodes[1];
    expect(ask.label).toBe("Run Any LLM");
    expect(ask.a.outputs).toEqual({ output: "stub: what is red?" });
    expect(ask.a.params).toMatchObject({ user_message: "what is red?" });
  });

  it("lists a node present in one run only with a null side, and a 400 names a missing run id", async () => {
    const a = await callRoute(execute, "/api/execute", { headers: h.alice.headers, method: "POST", body: { ...graphWith("x"), wait: true } });
    const b = await callRoute(execute, "/api/execute", {
      headers: h.alice.headers,
      method: "POST",
      body: { nodes: [textNode("t", "x"), textNode("only-b", "y")], edges: [], wait: true },
    });
    const res = await callRoute(compare, `/api/runs/compare?a=${a.json!.run.id}&b=${b.json!.run.id}`, { headers: h.alice.headers });
    const nodes = res.json!.nodes as { nodeId: string; a: unknown; b: unknown; changed: Record<string, boolean> }[];
    expect(nodes.find((n) => n.nodeId === "only-b")).toMatchObject({ a: null, b: { status: "SUCCESS" }, changed: { params: false, inputs: false, outputs: false } });
    expect(nodes.find((n) => n.nodeId === "t")!.changed).toEqual({ params: false, inputs: false, outputs: false });
    const missing = await callRoute(compare, `/api/runs/compare?a=${a.json!.run.id}`, { headers: h.alice.headers });
    expect(missing.status).toBe(400);
    expect(missing.text).toContain("b must be a run id");
  });
});

describe(`version pruning on ${testEngine}`, () => {
  it("deletes old unnamed versions beyond the newest 100, never a named one or one a run used, and the parts only they held", async () => {
    const wf = await createWorkflow(h.alice, "pruned", graphWith("save 1"));
    for (let i = 2; i <= 110; i++) await save(h.alice, wf.id, graphWith(`save ${i}`));
    await callRoute(nameVersion, `/api/workflows/${wf.id}/versions`, { headers: h.alice.headers, params: { id: wf.id }, body: { message: "keep me", version: 3 } });
    // A run of version 5: restore it, run, and restore the latest again.
    await restoreOf(h.alice, wf.id, 5);
    const ran = await callRoute(execute, "/api/execute", { headers: h.alice.headers, method: "POST", body: { workflowId: wf.id, wait: true } });
    expect(ran.json!.run.workflowVersion).toBe(111);
    await restoreOf(h.alice, wf.id, 110);
    // Runs of a version keep it: make version 6 a run's version too, by the run's own record.
    await db().execute(sql`UPDATE workflow_runs SET workflow_version = 6 WHERE id = ${ran.json!.run.id as string}`);

    const young = await pruneVersions(h.t.handle, 90);
    expect(young).toEqual({ versions: 0, parts: 0 });
    await db().execute(sql`UPDATE workflow_versions SET created_at = now() - interval '91 days' WHERE workflow_id = ${wf.id}`);
    const pruned = await pruneVersions(h.t.handle, 90);

    const kept = (await db().select({ version: workflowVersions.version }).from(workflowVersions).where(eq(workflowVersions.workflowId, wf.id))).map((v) => v.version);
    // 112 entries: the newest 100 (13..112) stay, plus 3 (named) and 6 (a run's); 1, 2, 4, 5, 7..12 go.
    expect(kept.sort((x, y) => x - y)).toEqual([3, 6, ...Array.from({ length: 100 }, (_, i) => i + 13)]);
    expect(pruned.versions).toBe(10);
    // Each pruned version held one node part of its own, except 5's: version 111 (its restore) still lists it.
    expect(pruned.parts).toBe(9);
    for (const n of [3, 6, 13, 112]) expect((await versionOf(h.alice, wf.id, n)).status).toBe(200);
    expect((await versionOf(h.alice, wf.id, 5)).status).toBe(404);
  });
});
