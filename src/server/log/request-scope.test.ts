import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createLogger } from "./create-logger";
import { logger, installLogger } from "./logger";
import { requestIdOf, withRequestScope } from "./request-scope";

const lines: Record<string, unknown>[] = [];
const restore = installLogger(
  createLogger({ level: "info", pretty: false }, { write: (line) => void lines.push(JSON.parse(line)) }),
);
afterEach(() => {
  lines.length = 0;
});
afterAll(restore);

function request(headers: Record<string, string> = {}): Request {
  return new Request("http://127.0.0.1:3000/api/things?x=1", { headers });
}

describe("a request's log scope", () => {
  it("gives every line logged while answering, across awaits, the request id, and echoes it", async () => {
    const res = await withRequestScope(request({ "x-request-id": "client-id_1.2:3" }), async () => {
      logger("test").info("before");
      await new Promise((resolve) => setTimeout(resolve, 5));
      logger("test").warn("after a timer");
      return new Response("ok", { status: 201 });
    });
    logger("test").info("outside");

    expect(res.headers.get("x-request-id")).toBe("client-id_1.2:3");
    expect(lines.map((line) => [line.msg, line.reqId])).toEqual([
      ["before", "client-id_1.2:3"],
      ["after a timer", "client-id_1.2:3"],
      ["request answered", "client-id_1.2:3"],
      ["outside", undefined],
    ]);
    expect(lines[2]).toMatchObject({ module: "http", method: "GET", path: "/api/things", status: 201 });
  });

  it("keeps concurrent requests apart", async () => {
    const answer = (name: string, ms: number) =>
      withRequestScope(request({ "x-request-id": name }), async () => {
        await new Promise((resolve) => setTimeout(resolve, ms));
        logger("test").info(name);
        return new Response(null, { status: 204 });
      });
    await Promise.all([answer("slow", 20), answer("fast", 1)]);
    const own = lines.filter((line) => line.module === "test");
    expect(own.map((line) => [line.msg, line.reqId])).toEqual([
      ["fast", "fast"],
      ["slow", "slow"],
    ]);
  });

  it("replaces an incoming id that is not a short token with a new one", () => {
    expect(requestIdOf(request())).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf(request({ "x-request-id": "has space" }))).not.toBe("has space");
    expect(requestIdOf(request({ "x-request-id": "x".repeat(65) }))).toHaveLength(36);
    expect(requestIdOf(request({ "x-request-id": '{"level":"fatal"}' }))).toHaveLength(36);
  });

  it("echoes the id on an answer whose headers are immutable", async () => {
    const res = await withRequestScope(request({ "x-request-id": "r1" }), async () =>
      Response.redirect("http://127.0.0.1:3000/x", 302),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("http://127.0.0.1:3000/x");
    expect(res.headers.get("x-request-id")).toBe("r1");
  });
});
