import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { useDatabase } from "@/server/db";
import { callRoute } from "../helpers/call-route";
import { createTestDatabase, testEngine, type TestDatabase } from "../helpers/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t.handle);
});
afterAll(async () => {
  await t?.drop();
});

describe(`GET /api/health on ${testEngine}`, () => {
  it("answers the engine and the applied migration count after a real query", async () => {
    const res = await callRoute(GET, "/api/health");
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      success: true,
      database: testEngine,
      migrations: readdirSync("drizzle").filter((f) => f.endsWith(".sql")).length,
    });
  });

  it("answers 503 without internals when the database is gone", async () => {
    const broken = await createTestDatabase();
    useDatabase(broken.handle);
    await broken.drop();
    const res = await callRoute(GET, "/api/health");
    expect(res.status).toBe(503);
    expect(res.json).toEqual({ success: false, error: "database unavailable", code: "UNAVAILABLE" });
    useDatabase(t.handle);
  });
});

