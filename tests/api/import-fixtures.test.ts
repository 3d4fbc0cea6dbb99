/**
 * The golden fixtures through the real import route: hostile documents get the answer each
 * fixture names and write nothing; the every-node-type graph survives import → export → import.
 */
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/workflows/[id]/export/route";
import { POST as importRoute } from "@/app/api/workflows/import/route";
import { getDb, useDatabase } from "@/server/db";
import { workflows } from "@/server/db/schema";
import { graphFixture, hostileImports } from "../fixtures";
import { callRoute } from "../helpers/call-route";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { createTestUser, type TestUser } from "../helpers/test-user";

let t: TestDatabase;
let alice: TestUser;
beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t.handle);
  alice = await createTestUser();
});
afterAll(async () => {
  await t?.drop();
});

async function workflowCount(): Promise<number> {
  const [{ n }] = await (await getDb()).select({ n: count() }).from(workflows).where(eq(workflows.userId, alice.user.id));
  return n;
}

describe("hostile imports (tests/fixtures/imports)", () => {
  for (const fixture of hostileImports()) {
    it(`${fixture.name}: ${fixture.why}`, async () => {
      const before = await workflowCount();
      const res = await callRoute(importRoute, "/api/workflows/import", { headers: alice.headers, body: fixture.document });
      expect(res.status, res.text.slice(0, 300)).toBe(fixture.expect.status);
      if (fixture.expect.status >= 400) {
        expect(res.json).toMatchObject({ success: false, code: fixture.expect.code });
        expect(typeof res.json?.error).toBe("string");
        for (const issue of fixture.expect.issues ?? []) expect(res.json?.issues).toContainEqual(expect.objectContaining(issue));
        expect(await workflowCount()).toBe(before);
        return;
      }
      expect(await workflowCount()).toBe(before + 1);
      const stored = fixture.expect.storedNodes ?? (fixture.document as { nodes: unknown[] }).nodes;
      expect(res.json?.workflow.nodes).toEqual(stored);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    });
  }
});

describe("the every-node-type fixture", () => {
  it("imports, exports and imports again to the same graph", async () => {
    const graph = graphFixture("every-node-type");
    const first = await callRoute(importRoute, "/api/workflows/import", { headers: alice.headers, body: { name: "Every type", ...graph } });
    expect(first.status).toBe(201);
    expect(first.json?.workflow.nodes).toEqual(graph.nodes);
    expect(first.json?.workflow.edges).toEqual(graph.edges);
    const id = first.json?.workflow.id as string;
    const exported = await callRoute(exportRoute, `/api/workflows/${id}/export`, { headers: alice.headers, params: { id } });
    expect(exported.status).toBe(200);
    const second = await callRoute(importRoute, "/api/workflows/import", { headers: alice.headers, body: exported.json });
    expect(second.status).toBe(201);
    expect(second.json?.workflow).toMatchObject({ name: "Every type", nodes: graph.nodes, edges: graph.edges });
  });
});
