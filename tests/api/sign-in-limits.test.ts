/**
 * Password guessing in parallel (issue 15, defect 1): attempts are reserved in the database
 * before the password is checked, so a burst of 200 wrong passwords gets no more checks than the
 * limit, and the right password sent once the limit is reached is refused too. The owner is
 * not locked out by a stranger guessing from elsewhere; old windows stop counting and are deleted.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as signIn } from "@/app/api/auth/sign-in/route";
import { POST as signUp } from "@/app/api/auth/sign-up/route";
import {
  deleteExpiredRateLimits,
  reserveHits,
  SIGN_IN_FAILURES_PER_EMAIL,
  SIGN_IN_FAILURES_PER_EMAIL_IP,
  SIGN_IN_PER_IP,
} from "@/server/auth/rate-limit";
import { useDatabase } from "@/server/db";
import { rateLimits } from "@/server/db/schema";
import { resetEnvCache } from "@/server/env";
import { callRoute } from "../helpers/call-route";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let t: TestDatabase;
const BASE_ENV = { GALAXY_WORKER: "off", NODE_ENV: "test" };
const ORIGIN = "http://127.0.0.1:3000";

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t.handle);
  resetEnvCache(BASE_ENV);
});
afterAll(async () => {
  resetEnvCache();
  await t?.drop();
});
beforeEach(async () => {
  resetEnvCache(BASE_ENV);
  await t.handle.db.delete(rateLimits);
});

async function createAccount(email: string, password: string) {
  const res = await callRoute(signUp, "/api/auth/sign-up", { headers: { origin: ORIGIN }, body: { email, password, name: "Owner" } });
  expect(res.status).toBe(200);
  await t.handle.db.delete(rateLimits);
}

const attempt = (email: string, password: string, headers: Record<string, string> = {}) =>
  callRoute(signIn, "/api/auth/sign-in", { headers, body: { email, password } });

describe("parallel wrong passwords", () => {
  it("lets at most the limit of 200 parallel guesses reach the password check, and then refuses the right password", async () => {
    await createAccount("owner@example.com", "the owner's password");
    let firstRefusal!: () => void;
    const refused = new Promise<void>((resolve) => (firstRefusal = resolve));
    const burst = Array.from({ length: 200 }, (_, i) =>
      attempt("owner@example.com", `wrong guess ${i}`).then((res) => {
        if (res.status === 429) firstRefusal();
        return res;
      }),
    );
    // The right password, in the same burst, once the limit has been reached (some guesses are still being checked).
    const right = Promise.race([refused, Promise.all(burst)]).then(() => attempt("owner@example.com", "the owner's password"));
    const answers = await Promise.all(burst);
    const checked = answers.filter((res) => res.status !== 429);

    expect(checked.every((res) => res.status === 401)).toBe(true);
    expect(checked.length).toBe(SIGN_IN_FAILURES_PER_EMAIL_IP.limit);
    const owner = await right;
    expect(owner.status).toBe(429);
    expect(owner.json?.code).toBe("RATE_LIMITED");
    expect(Number(owner.headers.get("retry-after"))).toBeGreaterThan(0);
    const limited = answers.find((res) => res.status === 429)!;
    expect(limited.json?.error).toMatch(/^too many .*; try again in \d+ s$/);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("caps guesses from many addresses with the per-e-mail limit (behind a trusted proxy)", async () => {
    resetEnvCache({ ...BASE_ENV, GALAXY_TRUST_PROXY: "1" });
    await createAccount("target@example.com", "target's password");
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => attempt("target@example.com", "wrong guess", { "x-forwarded-for": `198.51.${i >> 8}.${i & 255}` })),
    );
    expect(answers.filter((res) => res.status !== 429).length).toBe(SIGN_IN_FAILURES_PER_EMAIL.limit);
  });
});

describe("the owner and a stranger", () => {
  it("a stranger's failures from another address do not lock the owner out", async () => {
    resetEnvCache({ ...BASE_ENV, GALAXY_TRUST_PROXY: "1" });
    await createAccount("ada@example.com", "ada's password");
    const stranger = { "x-forwarded-for": "203.0.113.66" };
    for (let i = 0; i < SIGN_IN_FAILURES_PER_EMAIL_IP.limit; i++) expect((await attempt("ada@example.com", "guess", stranger)).status).toBe(401);
    expect((await attempt("ada@example.com", "guess", stranger)).status).toBe(429);
    expect((await attempt("ada@example.com", "ada's password", stranger)).status).toBe(429);
    expect((await attempt("ada@example.com", "ada's password", { "x-forwarded-for": "192.0.2.10" })).status).toBe(200);
  });

  it("a successful sign-in clears that address's failures and takes its own attempt back from the per-e-mail count", async () => {
    resetEnvCache({ ...BASE_ENV, GALAXY_TRUST_PROXY: "1" });
    await createAccount("bob@example.com", "bob's password");
    const home = { "x-forwarded-for": "192.0.2.20" };
    for (let i = 0; i < SIGN_IN_FAILURES_PER_EMAIL_IP.limit - 1; i++) expect((await attempt("bob@example.com", "typo", home)).status).toBe(401);
    expect((await attempt("bob@example.com", "bob's password", home)).status).toBe(200);
    // A fresh allowance of failures from home.
    for (let i = 0; i < SIGN_IN_FAILURES_PER_EMAIL_IP.limit; i++) expect((await attempt("bob@example.com", "typo", home)).status).toBe(401);
    expect((await attempt("bob@example.com", "typo", home)).status).toBe(429);
    const [perEmail] = await t.handle.db.select().from(rateLimits).where(eq(rateLimits.rule, SIGN_IN_FAILURES_PER_EMAIL.rule));
    // 4 + 5 failures; the success and the refused attempt count nowhere.
    expect(perEmail.hits).toBe(2 * SIGN_IN_FAILURES_PER_EMAIL_IP.limit - 1);
  });
});

describe("windows", () => {
  it("stops counting hits two windows old, and deletes their rows", async () => {
    const [reserved] = await reserveHits([{ limit: SIGN_IN_PER_IP, subject: "10.3.3.3" }]);
    const key = and(eq(rateLimits.rule, reserved.rule), eq(rateLimits.key, reserved.key));
    // As if the limit had been used up two windows ago.
    await t.handle.db
      .update(rateLimits)
      .set({
        hits: SIGN_IN_PER_IP.limit,
        windowStart: sql`${rateLimits.windowStart} - interval '20 minutes'`,
        expiresAt: sql`${rateLimits.expiresAt} - interval '20 minutes'`,
      })
      .where(key);
    await reserveHits([{ limit: SIGN_IN_PER_IP, subject: "10.3.3.3" }]);
    const [row] = await t.handle.db.select().from(rateLimits).where(key);
    expect({ hits: row.hits, prevHits: row.prevHits }).toEqual({ hits: 1, prevHits: 0 });

    await reserveHits([{ limit: SIGN_IN_PER_IP, subject: "10.4.4.4" }]);
    await t.handle.db.update(rateLimits).set({ expiresAt: sql`now() - interval '1 second'` }).where(key);
    expect(await deleteExpiredRateLimits()).toBe(1);
    expect(await t.handle.db.select().from(rateLimits)).toHaveLength(1);
  });

  it("carries the previous window's hits into the next window's estimate (no double allowance at a window's edge)", async () => {
    const [reserved] = await reserveHits([{ limit: SIGN_IN_PER_IP, subject: "10.5.5.5" }]);
    const key = and(eq(rateLimits.rule, reserved.rule), eq(rateLimits.key, reserved.key));
    await t.handle.db
      .update(rateLimits)
      .set({ hits: 7, windowStart: sql`${rateLimits.windowStart} - interval '10 minutes'` })
      .where(key);
    const [next] = await reserveHits([{ limit: SIGN_IN_PER_IP, subject: "10.5.5.5" }]);
    const [row] = await t.handle.db.select().from(rateLimits).where(key);
    expect({ hits: row.hits, prevHits: row.prevHits }).toEqual({ hits: 1, prevHits: 7 });
    expect(next.windowStart).toBe(reserved.windowStart);
  });
});
