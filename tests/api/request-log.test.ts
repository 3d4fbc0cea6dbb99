/**
 * The server log of an API request: every line carries the request id that the answer echoes
 * in `x-request-id`, and an unexpected error (here: a database without Galaxy's tables) is
 * logged once with its stack while the client sees only the generic message. (A database that
 * is gone is a 503, not a 500: `database-outage.test.ts`.)
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as unknownRoute } from "@/app/api/[...path]/route";
import { GET as listWorkflows } from "@/app/api/workflows/route";
import { useDatabase } from "@/server/db";
import { createLogger, installLogger } from "@/server/log";
import { callRoute } from "../helpers/call-route";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { createTestUser, type TestUser } from "../helpers/test-user";

const lines: Record<string, any>[] = [];
let restoreLogger: () => void;
let t: TestDatabase;
let user: TestUser;
beforeAll(async () => {
  restoreLogger = installLogger(
    createLogger({ level: "info", pretty: false }, { write: (line) => void lines.push(JSON.parse(line)) }),
  );
  t = await createTestDatabase();
  useDatabase(t.handle);
  user = await createTestUser();
});
beforeEach(() => {
  lines.length = 0;
});
afterAll(async () => {
  restoreLogger?.();
  await t?.drop();
});

describe("request ids in the server log", () => {
  it("answers with a new request id and logs the request under it", async () => {
    const res = await callRoute(listWorkflows, "/api/workflows", { headers: user.headers });
    expect(res.status).toBe(200);
    const reqId = res.headers.get("x-request-id");
    expect(reqId).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines).toContainEqual(
      expect.objectContaining({ reqId, msg: "request answered", status: 200, path: "/api/workflows" }),
    );
  });

  it("an unknown API path answers the JSON 404 with a request id", async () => {
    const res = await callRoute(unknownRoute, "/api/nope", { headers: { "x-request-id": "probe-1" } });
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ success: false, code: "NOT_FOUND" });
    expect(res.headers.get("x-request-id")).toBe("probe-1");
  });

  it("a 500 logs one error line with the request id and the stack; the client sees the generic message", async () => {
    const broken = await createTestDatabase();
    await broken.handle.executeSql("DROP SCHEMA public CASCADE");
    useDatabase(broken.handle);
    try {
      const res = await callRoute(listWorkflows, "/api/workflows", {
        headers: { ...user.headers, "x-request-id": "req-500" },
      });
      expect(res.status).toBe(500);
      expect(res.json).toEqual({
        success: false,
        error: "internal error; see the server log",
        code: "INTERNAL",
      });
      expect(res.headers.get("x-request-id")).toBe("req-500");

      const errors = lines.filter((line) => line.level === "error");
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({
        reqId: "req-500",
        module: "api",
        method: "GET",
        path: "/api/workflows",
        msg: "request failed",
      });
      expect(errors[0].err.stack).toMatch(/\n\s+at /);
      expect(res.text).not.toContain(errors[0].err.message);
      expect(lines.every((line) => line.reqId === "req-500")).toBe(true);
    } finally {
      useDatabase(t.handle);
      await broken.drop();
    }
  });
});
