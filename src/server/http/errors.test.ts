import { DrizzleQueryError } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "../db/outage";
import { toDatabaseUnavailable } from "./errors";

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable", () => {
  it("recognises node-postgres and PGlite outages, also inside Drizzle's wrapper", () => {
    const outages = [
      withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED"),
      new AggregateError([withCode("connect ECONNREFUSED ::1:5432", "ECONNREFUSED")], "connect failed"),
      withCode("terminating connection due to administrator command", "57P01"),
      withCode("the database system is starting up", "57P03"),
      withCode("connection failure", "08006"),
      withCode("sorry, too many clients already", "53300"),
      new Error("Connection terminated unexpectedly"),
      new Error("Connection terminated due to connection timeout"),
      new Error("timeout exceeded when trying to connect"),
      new Error("Cannot use a pool after calling end on the pool"),
      new Error("PGlite is closed"),
    ];
    for (const error of outages) {
      expect(isDatabaseUnavailable(error), error.message).toBe(true);
      expect(isDatabaseUnavailable(new DrizzleQueryError("select 1", [], error)), error.message).toBe(true);
    }
  });

  it("leaves query errors, other services' failures and non-errors alone", () => {
    const others: unknown[] = [
      withCode('duplicate key value violates unique constraint "users_email_key"', "23505"),
      withCode("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"),
      new DrizzleQueryError("select 1", [], withCode("syntax error", "42601")),
      // fetch() to a model provider that is down: not the database.
      new TypeError("fetch failed", { cause: withCode("connect ECONNREFUSED 10.0.0.1:443", "ECONNREFUSED") }),
      new RangeError("Maximum call stack size exceeded"),
      "ECONNREFUSED",
      undefined,
    ];
    for (const error of others) expect(isDatabaseUnavailable(error), String(error)).toBe(false);
  });

  it("maps an outage to a 503 UNAVAILABLE with Retry-After and no driver text", () => {
    const error = toDatabaseUnavailable(withCode("connect ECONNREFUSED 10.1.2.3:5432", "ECONNREFUSED"));
    expect(error).toMatchObject({ code: "UNAVAILABLE", status: 503, options: { headers: { "retry-after": "5" } } });
    expect(error!.message).not.toMatch(/ECONNREFUSED|10\.1\.2\.3/);
    expect(toDatabaseUnavailable(new Error("boom"))).toBeUndefined();
  });
});
