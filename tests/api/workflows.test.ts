/** The workflows API: the seed's curl examples, CRUD, list (limit, cursor, skip, q, tag, last run), versions, copy/export/import. */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as duplicate } from "@/app/api/workflows/[id]/duplicate/route";
import { GET as exportRoute } from "@/app/api/workflows/[id]/export/route";
import { DELETE as del, GET as getOne, PATCH as patch, PUT as put } from "@/app/api/workflows/[id]/route";
import { POST as importRoute } from "@/app/api/workflows/import/route";
import { GET as list, POST as create } from "@/app/api/workflows/route";
import { useDatabase } from "@/server/db";
import { workflowRuns, workflows } from "@/server/db/schema";
import { resetEnvCache } from "@/server/env";
import { toPrefixTsquery } from "@/server/workflows/search-query";
import { callRoute } from "../helpers/call-route";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { createTestUser, type TestUser } from "../helpers/test-user";
import { cropNode, edge, llmNode, textNode, validGraph } from "./graphs";

let t: TestDatabase;
let alice: TestUser;
beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t.handle);
  resetEnvCache({ GALAXY_WORKER: "off" });
  alice = await createTestUser();
});
afterAll(async () => {
  resetEnvCache();
  await t?.drop();
});

const db = () => t.handle.db;
const countOf = async (userId: string) => (await db().select().from(workflows).where(eq(workflows.userId, userId))).length;
const newWorkflow = async (user: TestUser, body: Record<string, unknown> = {}) => {
  const res = await callRoute(create, "/api/workflows", { headers: user.headers, body: { name: "wf", nodes: [], edges: [], ...body } });
  expect(res.status, res.text).toBe(201);
  return res.json!.workflow as { id: string; version: number; name: string };
};
const at = (id: string) => ({ url: `/api/workflows/${id}`, params: { id } });

describe("the seed's curl examples, with an API token", () => {
  it("creates a workflow, then lists it", async () => {
    const user = await createTestUser();
    // curl -X POST /api/workflows -H "Content-Type: application/json" -H "Authorization: Bearer TOKEN" -d '{…}'
    const created = await callRoute(create, "http://localhost:3000/api/workflows", {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${user.token}` },
      body: JSON.stringify({ name: "My First Workflow", description: "Test workflow", nodes: [], edges: [] }),
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ success: true, workflow: { name: "My First Workflow", description: "Test workflow", version: 1 } });
    const listed = await callRoute(list, "http://localhost:3000/api/workflows", { headers: { Authorization: `Bearer ${user.token}` } });
    expect(listed.status).toBe(200);
    expect(listed.json).toMatchObject({ success: true, total: 1, hasMore: false });
    expect(listed.json?.workflows[0]).toMatchObject({ id: created.json?.workflow.id, name: "My First Workflow", lastRun: null, runs: [] });
    expect(listed.json?.workflows[0].nodes).toBeUndefined();
  });
});

describe("create, read, replace, update, delete", () => {
  it("stores a valid graph as sent (UI-only keys kept) and reads it back with its latest runs", async () => {
    const graph = validGraph();
    (graph.nodes[0].data as Record<string, unknown>).label = "Intro";
    const wf = await newWorkflow(alice, { ...graph, tags: ["demo", "demo", "x"] });
    const got = await callRoute(getOne, at(wf.id).url, { headers: alice.headers, params: at(wf.id).params });
    expect(got.status).toBe(200);
    expect(got.json?.workflow).toMatchObject({ id: wf.id, tags: ["demo", "x"], version: 1, runs: [] });
    expect(got.json?.workflow.nodes[0].data).toEqual({ text: "hello", label: "Intro" });
    expect(got.json?.workflow.edges).toHaveLength(1);
  });

  it("refuses a node name longer than 80 characters on create and import, naming nodes[i].data.label", async () => {
    const named = { ...textNode("a"), data: { text: "hi", label: "x".repeat(81) } };
    const created = await callRoute(create, "/api/workflows", { headers: alice.headers, body: { name: "wf", nodes: [textNode("z"), named], edges: [] } });
    expect(created.status).toBe(400);
    expect(created.json?.issues[0]).toMatchObject({ path: "nodes[1].data.label" });
    const imported = await callRoute(importRoute, "/api/workflows/import", { headers: alice.headers, body: { nodes: [named], edges: [] } });
    expect(imported.status).toBe(400);
    expect(imported.json?.issues[0]).toMatchObject({ path: "nodes[0].data.label" });
  });

  it("saves a half-finished graph (empty prompt, no upload yet)", async () => {
    const nodes = [llmNode("l1"), { id: "u1", type: "uploadImage", position: { x: 0, y: 0 }, data: {} }];
    nodes[0].data = { provider: "google", model: "" } as never;
    await newWorkflow(alice, { nodes, edges: [edge("e1", "u1", "image", "l1", "images")] });
  });

  it("PATCH changes only the given fields, bumps the version, and 409s on a stale version", async () => {
    const wf = await newWorkflow(alice, { description: "d", tags: ["a"] });
    const ok = await callRoute(patch, at(wf.id).url, { method: "PATCH", headers: alice.headers, params: at(wf.id).params, body: { name: "renamed", version: 1 } });
    expect(ok.status).toBe(200);
    expect(ok.json?.workflow).toMatchObject({ name: "renamed", description: "d", tags: ["a"], version: 2 });
    const stale = await callRoute(patch, at(wf.id).url, { method: "PATCH", headers: alice.headers, params: at(wf.id).params, body: { name: "lost", version: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ success: false, code: "VERSION_CONFLICT", currentVersion: 2 });
    expect(stale.json?.error).toMatch(/version 2/);
    const [row] = await db().select().from(workflows).where(eq(workflows.id, wf.id));
    expect(row).toMatchObject({ name: "renamed", version: 2 });
    const noVersion = await callRoute(patch, at(wf.id).url, { method: "PATCH", headers: alice.headers, params: at(wf.id).params, body: { tags: ["b"] } });
    expect(noVersion.json?.workflow).toMatchObject({ tags: ["b"], version: 3 });
  });

  it("two concurrent PATCHes with the same version: exactly one wins", async () => {
    const wf = await newWorkflow(alice);
    const send = (name: string) =>
      callRoute(patch, at(wf.id).url, { method: "PATCH", headers: alice.headers, params: at(wf.id).params, body: { name, version: 1 } });
    const statuses = (await Promise.all([send("a"), send("b"), send("c")])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409]);
    const [row] = await db().select().from(workflows).where(eq(workflows.id, wf.id));
    expect(row.version).toBe(2);
  });

  it("PATCH of nodes alone is checked against the stored edges", async () => {
    const wf = await newWorkflow(alice, validGraph());
    const res = await callRoute(patch, at(wf.id).url, {
      method: "PATCH",
      headers: alice.headers,
      params: at(wf.id).params,
      body: { nodes: [textNode("t1")] },
    });
    expect(res.status).toBe(400);
    expect(res.json?.issues.some((i: { code: string }) => i.code === "missing_node")).toBe(true);
  });

  it("PUT replaces the document (left-out fields reset) and honours version", async () => {
    const wf = await newWorkflow(alice, { description: "old", tags: ["t"] });
    const res = await callRoute(put, at(wf.id).url, {
      method: "PUT",
      headers: alice.headers,
      params: at(wf.id).params,
      body: { name: "replaced", ...validGraph(), version: 1 },
    });
    expect(res.status).toBe(200);
    expect(res.json?.workflow).toMatchObject({ name: "replaced", description: null, tags: [], version: 2 });
    const stale = await callRoute(put, at(wf.id).url, { method: "PUT", headers: alice.headers, params: at(wf.id).params, body: { name: "x", nodes: [], edges: [], version: 1 } });
    expect(stale.status).toBe(409);
    const missing = await callRoute(put, at(wf.id).url, { method: "PUT", headers: alice.headers, params: at(wf.id).params, body: { name: "x" } });
    expect(missing.status).toBe(400);
    expect(missing.json?.issues.map((i: { path: string }) => i.path).sort()).toEqual(["edges", "nodes"]);
  });

  it("DELETE removes the workflow and keeps its runs (detached); then 404", async () => {
    const wf = await newWorkflow(alice);
    const [run] = await db().insert(workflowRuns).values({ userId: alice.user.id, workflowId: wf.id, status: "COMPLETED" }).returning();
    expect((await callRoute(del, at(wf.id).url, { method: "DELETE", headers: alice.headers, params: at(wf.id).params })).status).toBe(200);
    const [kept] = await db().select().from(workflowRuns).where(eq(workflowRuns.id, run.id));
    expect(kept.workflowId).toBeNull();
    expect((await callRoute(getOne, at(wf.id).url, { headers: alice.headers, params: at(wf.id).params })).status).toBe(404);
    expect((await callRoute(del, at(wf.id).url, { method: "DELETE", headers: alice.headers, params: at(wf.id).params })).status).toBe(404);
  });
});

describe("duplicate, export, import", () => {
  it("duplicates as '<name> (copy)' at version 1", async () => {
    const wf = await newWorkflow(alice, { name: "Kit", tags: ["k"], ...validGraph() });
    const res = await callRoute(duplicate, `/api/workflows/${wf.id}/duplicate`, { method: "POST", headers: alice.headers, params: { id: wf.id } });
    expect(res.status).toBe(201);
    expect(res.json?.workflow).toMatchObject({ name: "Kit (copy)", tags: ["k"], version: 1 });
    expect(res.json?.workflow.id).not.toBe(wf.id);
    expect(res.json?.workflow.nodes).toHaveLength(2);
  });

  it("exports a download that imports back to the same graph", async () => {
    const wf = await newWorkflow(alice, { name: "Round Trip!", description: "rt", ...validGraph() });
    const exported = await callRoute(exportRoute, `/api/workflows/${wf.id}/export`, { headers: alice.headers, params: { id: wf.id } });
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-disposition")).toBe('attachment; filename="round-trip.galaxy.json"');
    expect(exported.json).toMatchObject({ format: "galaxy-workflow", formatVersion: 1, workflow: { name: "Round Trip!", description: "rt" } });
    const imported = await callRoute(importRoute, "/api/workflows/import", { headers: alice.headers, body: exported.json });
    expect(imported.status).toBe(201);
    expect(imported.json?.workflow).toMatchObject({ name: "Round Trip!", description: "rt", version: 1 });
    expect(imported.json?.workflow.nodes).toEqual(exported.json?.workflow.nodes);
    expect(imported.json?.workflow.edges).toEqual(exported.json?.workflow.edges);
  });

  it("imports a bare document, and refuses an invalid graph with paths", async () => {
    const bare = await callRoute(importRoute, "/api/workflows/import", { headers: alice.headers, body: { nodes: [textNode("a")], edges: [] } });
    expect(bare.status).toBe(201);
    expect(bare.json?.workflow.name).toBe("Imported workflow");
    const bad = await callRoute(importRoute, "/api/workflows/import", {
      headers: alice.headers,
      body: { workflow: { name: "bad", nodes: [{ id: "x", type: "teleport", position: { x: 0, y: 0 }, data: {} }], edges: [] } },
    });
    expect(bad.status).toBe(400);
    expect(bad.json?.issues[0]).toMatchObject({ path: "nodes[0].type", code: "unknown_node_type" });
  });
});

describe("list", () => {
  let bob: TestUser;
  beforeAll(async () => {
    bob = await createTestUser();
    const names = ["Product Marketing Kit", "Video frames", "Daily digest", "Marketing copy", "Émile's prompts"];
    for (const [i, name] of names.entries()) {
      await newWorkflow(bob, { name, description: i === 2 ? "summarise the news" : null, tags: i % 2 === 0 ? ["even", "all"] : ["all"] });
    }
  });
  const get = (query: string, user: TestUser = bob) => callRoute(list, `/api/workflows${query}`, { headers: user.headers });

  it("lists newest first (most recently updated), without the graph JSON", async () => {
    const res = await get("");
    expect(res.json?.workflows.map((w: { name: string }) => w.name)).toEqual([
      "Émile's prompts",
      "Marketing copy",
      "Daily digest",
      "Video frames",
      "Product Marketing Kit",
    ]);
    expect(res.json?.total).toBe(5);
    for (const w of res.json?.workflows ?? []) {
      expect(w.nodes).toBeUndefined();
      expect(w.edges).toBeUndefined();
    }
  });

  it("pages with a cursor through every row exactly once", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const res = await get(`?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      seen.push(...res.json!.workflows.map((w: { id: string }) => w.id));
      cursor = res.json!.nextCursor;
      if (!res.json!.hasMore) {
        expect(cursor).toBeUndefined();
        break;
      }
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it("pages with skip", async () => {
    const res = await get("?limit=2&skip=4");
    expect(res.json?.workflows.map((w: { name: string }) => w.name)).toEqual(["Product Marketing Kit"]);
    expect(res.json?.hasMore).toBe(false);
    expect((await get("?limit=2&skip=2")).json?.hasMore).toBe(true);
  });

  it("searches name and description by word prefix, case- and accent-exactly, safely", async () => {
    const names = async (q: string) => (await get(`?q=${encodeURIComponent(q)}`)).json?.workflows.map((w: { name: string }) => w.name);
    expect(await names("market")).toEqual(["Marketing copy", "Product Marketing Kit"]);
    expect(await names("MARKETING kit")).toEqual(["Product Marketing Kit"]);
    expect(await names("news")).toEqual(["Daily digest"]);
    expect(await names("émile")).toEqual(["Émile's prompts"]);
    expect(await names("zzz")).toEqual([]);
    // tsquery syntax is stripped, never an error
    for (const hostile of ["market & !kit", "a:* | b", "'); drop table workflows; --", "(((", "\\", "!!!"]) {
      expect((await get(`?q=${encodeURIComponent(hostile)}`)).status, hostile).toBe(200);
    }
    expect(toPrefixTsquery("market & !kit")).toBe("market:* & kit:*");
    expect(toPrefixTsquery("&&& !!")).toBeNull();
  });

  it("uses the GIN search index expression (the planner can pick it)", async () => {
    await t.handle.executeSql("SET enable_seqscan = off");
    try {
      const plan = await t.handle.executeSql(
        `EXPLAIN SELECT id FROM workflows WHERE to_tsvector('simple', "workflows"."name" || ' ' || coalesce("workflows"."description", '')) @@ to_tsquery('simple', 'market:*')`,
      );
      expect(JSON.stringify(plan.rows)).toMatch(/workflows_search_idx/);
    } finally {
      await t.handle.executeSql("SET enable_seqscan = on");
    }
  });

  it("filters by tag (all given tags)", async () => {
    expect((await get("?tag=even")).json?.total).toBe(3);
    expect((await get("?tag=all,even")).json?.total).toBe(3);
    expect((await get("?tag=all")).json?.total).toBe(5);
    expect((await get("?tag=none")).json?.total).toBe(0);
  });

  it("shows each workflow's latest run status", async () => {
    const wf = await newWorkflow(bob, { name: "Has runs" });
    const old = new Date(Date.now() - 60_000);
    await db().insert(workflowRuns).values([
      { userId: bob.user.id, workflowId: wf.id, status: "FAILED", createdAt: old },
      { userId: bob.user.id, workflowId: wf.id, status: "COMPLETED" },
    ]);
    const res = await get("?q=runs");
    expect(res.json?.workflows[0]).toMatchObject({ name: "Has runs", lastRun: { status: "COMPLETED" }, runs: [{ status: "COMPLETED" }] });
  });

  it("only lists the caller's own workflows", async () => {
    const carol = await createTestUser();
    expect((await get("", carol)).json).toMatchObject({ workflows: [], total: 0, hasMore: false });
  });
});

describe("bad input: the right status, a message naming the problem, and no row written", () => {
  const big = "x".repeat(2 * 1024 * 1024);
  const cases: { label: string; send: () => Promise<Awaited<ReturnType<typeof callRoute>>>; status: number; match: RegExp }[] = [
    {
      label: "malformed JSON",
      send: () => callRoute(create, "/api/workflows", { headers: { ...alice.headers, "content-type": "application/json" }, body: '{"name": "x",' }),
      status: 400,
      match: /malformed JSON/,
    },
    {
      label: "wrong content type",
      send: () => callRoute(create, "/api/workflows", { headers: { ...alice.headers, "content-type": "text/plain" }, body: '{"name":"x"}' }),
      status: 415,
      match: /application\/json/,
    },
    {
      label: "wrong types",
      send: () => callRoute(create, "/api/workflows", { headers: alice.headers, body: { name: 5, nodes: "x", tags: "a" } }),
      status: 400,
      match: /name.*nodes.*tags|name/,
    },
    {
      label: "an unknown node type",
      send: () => callRoute(create, "/api/workflows", { headers: alice.headers, body: { name: "x", nodes: [{ id: "a", type: "teleport", position: { x: 0, y: 0 }, data: {} }], edges: [] } }),
      status: 400,
      match: /unknown node type "teleport"/,
    },
    {
      label: "a cycle",
      send: () =>
        callRoute(create, "/api/workflows", {
          headers: alice.headers,
          body: {
            name: "x",
            nodes: [llmNode("a"), llmNode("b")],
            edges: [edge("e1", "a", "output", "b", "user_message"), edge("e2", "b", "output", "a", "user_message")],
          },
        }),
      status: 400,
      match: /cycle/,
    },
    {
      label: "a port type mismatch",
      send: () =>
        callRoute(create, "/api/workflows", {
          headers: alice.headers,
          body: { name: "x", nodes: [textNode("t"), cropNode("c")], edges: [edge("e1", "t", "text", "c", "image_url")] },
        }),
      status: 400,
      match: /cannot connect text output/,
    },
    {
      label: "501 nodes",
      send: () =>
        callRoute(create, "/api/workflows", {
          headers: alice.headers,
          body: { name: "x", nodes: Array.from({ length: 501 }, (_, i) => textNode(`n${i}`, "")), edges: [] },
        }),
      status: 400,
      match: /too many nodes: 501 \(the limit is 500\)/,
    },
    {
      label: "a 2 MiB body",
      send: () => callRoute(create, "/api/workflows", { headers: alice.headers, body: { name: "x", nodes: [textNode("t", big)], edges: [] } }),
      status: 413,
      match: /larger than 1048576 bytes/,
    },
  ];

  it.each(cases)("$label → $status", async ({ send, status, match }) => {
    const before = await countOf(alice.user.id);
    const res = await send();
    expect(res.status, res.text.slice(0, 300)).toBe(status);
    expect(res.json?.success).toBe(false);
    expect(res.json?.error).toMatch(match);
    expect(await countOf(alice.user.id)).toBe(before);
  });

  it("reports every issue at once, each with a path", async () => {
    const res = await callRoute(create, "/api/workflows", {
      headers: alice.headers,
      body: {
        name: "x",
        nodes: [textNode("t"), cropNode("c"), { ...cropNode("c2"), data: { x_percent: 150 } }, textNode("t")],
        edges: [edge("e1", "t", "text", "c", "image_url"), edge("e2", "ghost", "text", "c", "x_percent")],
      },
    });
    expect(res.status).toBe(400);
    const paths = res.json?.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["nodes[2].data.x_percent", "nodes[3].id", "edges[0]", "edges[1].source"]));
  });

  it.each(["-1", "0", "1e9", "abc", "2.5", ""])("limit=%s → 400 naming limit", async (limit) => {
    const res = await callRoute(list, `/api/workflows?limit=${limit}`, { headers: alice.headers });
    expect(res.status).toBe(400);
    expect(res.json?.error).toMatch(/limit must be a whole number from 1 to 100/);
    expect(res.json?.issues[0].path).toBe("limit");
  });

  it("limit=100 and limit=1 are fine; a bad cursor, or cursor with skip, is 400", async () => {
    expect((await callRoute(list, "/api/workflows?limit=100", { headers: alice.headers })).status).toBe(200);
    expect((await callRoute(list, "/api/workflows?limit=1", { headers: alice.headers })).status).toBe(200);
    expect((await callRoute(list, "/api/workflows?cursor=nonsense", { headers: alice.headers })).status).toBe(400);
    expect((await callRoute(list, "/api/workflows?cursor=x&skip=1", { headers: alice.headers })).status).toBe(400);
    expect((await callRoute(list, "/api/workflows?skip=-1", { headers: alice.headers })).status).toBe(400);
  });

  it("a stale version → 409 and the row unchanged", async () => {
    const wf = await newWorkflow(alice, { name: "keep" });
    await callRoute(patch, at(wf.id).url, { method: "PATCH", headers: alice.headers, params: at(wf.id).params, body: { name: "v2", version: 1 } });
    const res = await callRoute(put, at(wf.id).url, { method: "PUT", headers: alice.headers, params: at(wf.id).params, body: { name: "v1 edit", nodes: [], edges: [], version: 1 } });
    expect(res.status).toBe(409);
    const [row] = await db().select().from(workflows).where(eq(workflows.id, wf.id));
    expect(row).toMatchObject({ name: "v2", version: 2 });
  });

  it("an empty PATCH is 400", async () => {
    const wf = await newWorkflow(alice);
    const res = await callRoute(patch, at(wf.id).url, { method: "PATCH", headers: alice.headers, params: at(wf.id).params, body: { version: 1 } });
    expect(res.status).toBe(400);
    expect(res.json?.error).toMatch(/nothing to update/);
  });
});
