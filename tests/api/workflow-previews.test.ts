/**
 * The dashboard's previews (issue 11, item 9): `GET /api/workflows` gives each workflow a small
 * picture of its graph, cut by the list's own query — boxes in the graph's order, edges as index
 * pairs, bounded however big the graph — and never another user's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as list, POST as create } from "@/app/api/workflows/route";
import { PREVIEW_LIMITS, type TWorkflowPreview } from "@/contracts/workflow";
import { estimatedNodeSize } from "@/lib/canvas/estimated-node-size";
import { useDatabase } from "@/server/db";
import { workflows } from "@/server/db/schema";
import { resetEnvCache } from "@/server/env";
import { graphFixture } from "../fixtures";
import { callRoute } from "../helpers/call-route";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { createTestUser, type TestUser } from "../helpers/test-user";

let t: TestDatabase;
let alice: TestUser;
let bob: TestUser;
beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t.handle);
  resetEnvCache({ GALAXY_WORKER: "off" });
  [alice, bob] = [await createTestUser(), await createTestUser()];
});
afterAll(async () => {
  resetEnvCache();
  await t?.drop();
});

interface Listed {
  id: string;
  name: string;
  preview: TWorkflowPreview;
}

async function listOf(user: TestUser, query = ""): Promise<Listed[]> {
  const res = await callRoute(list, `/api/workflows${query}`, { headers: user.headers });
  expect(res.status, res.text).toBe(200);
  return res.json!.workflows as Listed[];
}

async function createByApi(user: TestUser, name: string, graph: { nodes: unknown[]; edges: unknown[] }): Promise<string> {
  const res = await callRoute(create, "/api/workflows", { headers: user.headers, body: { name, ...graph } });
  expect(res.status, res.text).toBe(201);
  return res.json!.workflow.id as string;
}

describe("GET /api/workflows → preview", () => {
  it("pictures the template: every node's rounded box and type in order, edges as [source, target] indexes", async () => {
    const fixture = graphFixture("product-marketing-kit");
    fixture.nodes[0].position = { x: 10.6, y: -20.4 };
    const id = await createByApi(alice, "Template", fixture);
    const preview = (await listOf(alice)).find((w) => w.id === id)!.preview;

    expect(preview.nodeCount).toBe(fixture.nodes.length);
    expect(preview.nodes).toEqual(
      fixture.nodes.map((n, i) => {
        const size = estimatedNodeSize(n.type);
        return { x: i === 0 ? 11 : n.position.x, y: i === 0 ? -20 : n.position.y, w: size.width, h: size.height, type: n.type };
      }),
    );
    const index = new Map(fixture.nodes.map((n, i) => [n.id, i]));
    expect(preview.edges).toEqual(fixture.edges.map((e) => [index.get(e.source), index.get(e.target)]));
  });

  it("uses a node's own width and height when it stores them (a note), and draws an empty graph as nothing", async () => {
    const id = await createByApi(alice, "Sized", {
      nodes: [{ id: "t", type: "text", position: { x: 0, y: 0 }, width: 420.2, height: 99.7, data: { text: "hi" } }],
      edges: [],
    });
    const emptyId = await createByApi(alice, "Empty", { nodes: [], edges: [] });
    const listed = await listOf(alice);
    expect(listed.find((w) => w.id === id)!.preview.nodes).toEqual([{ x: 0, y: 0, w: 420, h: 100, type: "text" }]);
    expect(listed.find((w) => w.id === emptyId)!.preview).toEqual({ nodeCount: 0, nodes: [], edges: [] });
  });

  it("is bounded for a huge graph, and a stored node without numbers does not break the list", async () => {
    const count = PREVIEW_LIMITS.nodes + 50;
    const nodes: unknown[] = Array.from({ length: count }, (_, i) => ({ id: `n${i}`, type: "text", position: { x: i * 10, y: 0 }, data: {} }));
    nodes.push({ id: "odd", type: "text", position: { x: "left", y: null }, data: {} });
    // Written straight to the table (as an old or foreign row might be): the API's validator would refuse these edges.
    const edges = Array.from({ length: PREVIEW_LIMITS.edges * 2 }, (_, i) => ({ id: `e${i}`, source: `n${i % count}`, sourceHandle: "text", target: `n${(i * 7 + 1) % count}`, targetHandle: "x" }));
    const [row] = await t.handle.db.insert(workflows).values({ userId: alice.user.id, name: "Huge", nodes, edges }).returning({ id: workflows.id });
    const preview = (await listOf(alice)).find((w) => w.id === row.id)!.preview;

    expect(preview.nodeCount).toBe(count + 1);
    expect(preview.nodes).toHaveLength(PREVIEW_LIMITS.nodes);
    expect(preview.edges.length).toBeGreaterThan(0);
    expect(preview.edges.length).toBeLessThanOrEqual(PREVIEW_LIMITS.edges);
    for (const [s, d] of preview.edges) {
      expect(s).toBeLessThan(PREVIEW_LIMITS.nodes);
      expect(d).toBeLessThan(PREVIEW_LIMITS.nodes);
    }
    const [odd] = await t.handle.db.insert(workflows).values({ userId: alice.user.id, name: "Odd", nodes: [nodes.at(-1)], edges: [] }).returning({ id: workflows.id });
    expect((await listOf(alice)).find((w) => w.id === odd.id)!.preview.nodes).toEqual([{ x: 0, y: 0, ...sizeOf("text"), type: "text" }]);
  });

  it("never shows another user's workflows or their pictures", async () => {
    await createByApi(bob, "Bob's own", { nodes: [{ id: "b", type: "text", position: { x: 1, y: 2 }, data: {} }], edges: [] });
    const bobs = await listOf(bob);
    expect(bobs.map((w) => w.name)).toEqual(["Bob's own"]);
    expect(bobs[0].preview.nodes).toEqual([{ x: 1, y: 2, ...sizeOf("text"), type: "text" }]);
    expect((await listOf(alice)).map((w) => w.name)).not.toContain("Bob's own");
  });
});

function sizeOf(type: string) {
  const { width, height } = estimatedNodeSize(type);
  return { w: width, h: height };
}
