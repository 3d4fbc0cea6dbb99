/** Local accounts, sessions, CSRF, rate limits, and personal API tokens, through the real route handlers. */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from "vitest";
import { GET as me } from "@/app/api/auth/me/route";
import { POST as signIn } from "@/app/api/auth/sign-in/route";
import { POST as signOut } from "@/app/api/auth/sign-out/route";
import { POST as signUp } from "@/app/api/auth/sign-up/route";
import { DELETE as revokeToken } from "@/app/api/tokens/[id]/route";
import { GET as listTokens, POST as createToken } from "@/app/api/tokens/route";
import { GET as listWorkflows, POST as createWorkflow } from "@/app/api/workflows/route";
import { reserveHits, SIGN_IN_PER_IP } from "@/server/auth/rate-limit";
import { SESSION_COOKIE } from "@/server/auth/session-cookie";
import { useDatabase } from "@/server/db";
import { apiTokens, rateLimits, sessions, users } from "@/server/db/schema";
import { resetEnvCache } from "@/server/env";
import { callRoute } from "../helpers/call-route";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { createTestUser } from "../helpers/test-user";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t.handle);
  resetEnvCache({ GALAXY_WORKER: "off", NODE_ENV: "test" });
});
afterAll(async () => {
  resetEnvCache();
  await t?.drop();
});
beforeEach(async () => {
  await t.handle.db.delete(rateLimits);
});

const db = () => t.handle.db;
const ORIGIN = "http://127.0.0.1:3000";

function sessionCookieOf(res: { headers: Headers }): string | undefined {
  const header = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  return header?.split(";")[0].slice(SESSION_COOKIE.length + 1);
}

async function signUpAs(email: string, password = "correct horse battery", ip = "10.0.0.1") {
  return callRoute(signUp, "/api/auth/sign-up", {
    headers: { origin: ORIGIN, "x-forwarded-for": ip },
    body: { email, password, name: "Ada" },
  });
}

describe("sign-up, sign-in, sign-out", () => {
  it("signs up, sets an httpOnly SameSite=Lax session cookie, and the cookie authenticates", async () => {
    const res = await signUpAs("Ada@Example.com");
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ success: true, user: { email: "ada@example.com", name: "Ada" } });
    expect(res.json?.user.passwordHash).toBeUndefined();
    const setCookie = res.headers.getSetCookie().join("\n");
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=lax/i);
    expect(setCookie).not.toMatch(/Secure/i); // not production
    const cookie = sessionCookieOf(res)!;
    const who = await callRoute(me, "/api/auth/me", { headers: { cookie: `${SESSION_COOKIE}=${cookie}` } });
    expect(who.status).toBe(200);
    expect(who.json).toMatchObject({ user: { email: "ada@example.com" }, via: "session" });
  });

  it("marks the cookie Secure in production", async () => {
    resetEnvCache({ GALAXY_WORKER: "off", NODE_ENV: "production" });
    try {
      const res = await signUpAs("prod@example.com");
      expect(res.headers.getSetCookie().join("\n")).toMatch(/Secure/i);
    } finally {
      resetEnvCache({ GALAXY_WORKER: "off", NODE_ENV: "test" });
    }
  });

  it("refuses a second account with the same e-mail (409) and keeps one row", async () => {
    await signUpAs("twice@example.com");
    const again = await signUpAs("TWICE@example.com");
    expect(again.status).toBe(409);
    expect(await db().select().from(users).where(eq(users.email, "twice@example.com"))).toHaveLength(1);
  });

  it("rejects bad sign-up input with every issue", async () => {
    const res = await callRoute(signUp, "/api/auth/sign-up", { headers: { origin: ORIGIN }, body: { email: "nope", password: "short" } });
    expect(res.status).toBe(400);
    expect(res.json?.issues.map((i: { path: string }) => i.path).sort()).toEqual(["email", "password"]);
  });

  it("signs in with the right password; the same 401 for an unknown e-mail and a wrong password", async () => {
    await signUpAs("bob@example.com", "bob's password");
    const ok = await callRoute(signIn, "/api/auth/sign-in", { body: { email: "BOB@example.com", password: "bob's password" } });
    expect(ok.status).toBe(200);
    expect(sessionCookieOf(ok)).toBeTruthy();
    const wrong = await callRoute(signIn, "/api/auth/sign-in", { body: { email: "bob@example.com", password: "nope nope" } });
    const unknown = await callRoute(signIn, "/api/auth/sign-in", { body: { email: "nobody@example.com", password: "nope nope" } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json).toEqual(unknown.json);
    expect(sessionCookieOf(wrong)).toBeUndefined();
  });

  it("signs out: the session row is gone and the cookie no longer works", async () => {
    const res = await signUpAs("carol@example.com");
    const cookie = `${SESSION_COOKIE}=${sessionCookieOf(res)}`;
    const out = await callRoute(signOut, "/api/auth/sign-out", { method: "POST", headers: { cookie, origin: ORIGIN } });
    expect(out.status).toBe(200);
    expect(out.headers.getSetCookie().join("\n")).toMatch(/Expires=Thu, 01 Jan 1970/i);
    expect((await callRoute(me, "/api/auth/me", { headers: { cookie } })).status).toBe(401);
  });

  it("treats an expired session as signed out", async () => {
    const res = await signUpAs("dave@example.com");
    const secret = sessionCookieOf(res)!;
    const [user] = await db().select().from(users).where(eq(users.email, "dave@example.com"));
    await db().update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.userId, user.id));
    expect((await callRoute(me, "/api/auth/me", { headers: { cookie: `${SESSION_COOKIE}=${secret}` } })).status).toBe(401);
  });

  it("stores no plaintext password or session secret", async () => {
    await signUpAs("erin@example.com", "erin-plaintext-password");
    const [user] = await db().select().from(users).where(eq(users.email, "erin@example.com"));
    expect(user.passwordHash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$/);
    expect(user.passwordHash).not.toContain("erin-plaintext-password");
    const dump = JSON.stringify(await db().select().from(sessions));
    const res = await callRoute(signIn, "/api/auth/sign-in", { body: { email: "erin@example.com", password: "erin-plaintext-password" } });
    const secret = sessionCookieOf(res)!;
    expect(JSON.stringify(await db().select().from(sessions))).not.toContain(secret);
    expect(dump).not.toContain(secret);
  });
});

describe("CSRF: cookie-authenticated mutations must come from our origin", () => {
  it("refuses a cross-site POST with the session cookie, accepts a same-origin one and Bearer tokens from anywhere", async () => {
    const res = await signUpAs("frank@example.com");
    const cookie = `${SESSION_COOKIE}=${sessionCookieOf(res)}`;
    const body = { name: "via cookie", nodes: [], edges: [] };
    const evil = await callRoute(createWorkflow, "/api/workflows", { headers: { cookie, origin: "https://evil.example" }, body });
    expect(evil.status).toBe(403);
    const fetchMeta = await callRoute(createWorkflow, "/api/workflows", { headers: { cookie, "sec-fetch-site": "cross-site" }, body });
    expect(fetchMeta.status).toBe(403);
    const list = await callRoute(listWorkflows, "/api/workflows", { headers: { cookie } });
    expect(list.json?.total).toBe(0);
    expect((await callRoute(createWorkflow, "/api/workflows", { headers: { cookie, origin: ORIGIN }, body })).status).toBe(201);

    const api = await createTestUser();
    const bearer = await callRoute(createWorkflow, "/api/workflows", { headers: { ...api.headers, origin: "https://other.example" }, body });
    expect(bearer.status).toBe(201);
  });

  it("accepts GALAXY_PUBLIC_URL's origin behind a proxy", async () => {
    const res = await signUpAs("gina@example.com");
    const cookie = `${SESSION_COOKIE}=${sessionCookieOf(res)}`;
    resetEnvCache({ GALAXY_WORKER: "off", NODE_ENV: "test", GALAXY_PUBLIC_URL: "https://galaxy.example.com" });
    try {
      const ok = await callRoute(createWorkflow, "/api/workflows", {
        headers: { cookie, origin: "https://galaxy.example.com" },
        body: { name: "behind proxy", nodes: [], edges: [] },
      });
      expect(ok.status).toBe(201);
    } finally {
      resetEnvCache({ GALAXY_WORKER: "off", NODE_ENV: "test" });
    }
  });

  it("refuses a cross-site sign-in (login CSRF)", async () => {
    const res = await callRoute(signIn, "/api/auth/sign-in", {
      headers: { origin: "https://evil.example" },
      body: { email: "x@example.com", password: "whatever1" },
    });
    expect(res.status).toBe(403);
  });
});

describe("rate limits", () => {
  it("limits failed sign-ins per e-mail → 429 with Retry-After, even with the right password", async () => {
    await signUpAs("henry@example.com", "henry's password");
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await callRoute(signIn, "/api/auth/sign-in", {
        headers: { "x-forwarded-for": `10.1.0.${i}` },
        body: { email: "henry@example.com", password: "wrong password" },
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const blocked = await callRoute(signIn, "/api/auth/sign-in", { body: { email: "henry@example.com", password: "henry's password" } });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(blocked.json?.code).toBe("RATE_LIMITED");
  });

  it("limits sign-in attempts per IP across e-mails", async () => {
    // Behind one declared proxy, so X-Forwarded-For names the client.
    resetEnvCache({ GALAXY_WORKER: "off", NODE_ENV: "test", GALAXY_TRUST_PROXY: "1" });
    onTestFinished(() => resetEnvCache({ GALAXY_WORKER: "off", NODE_ENV: "test" }));
    // 30 attempts (each a deliberate ~100 ms scrypt) reserved directly, then the 31st through the route.
    for (let i = 0; i < SIGN_IN_PER_IP.limit; i++) await reserveHits([{ limit: SIGN_IN_PER_IP, subject: "10.9.9.9" }]);
    const limited = await callRoute(signIn, "/api/auth/sign-in", {
      headers: { "x-forwarded-for": "10.9.9.9" },
      body: { email: "nobody@example.com", password: "wrong password" },
    });
    expect(limited.status).toBe(429);
    const otherIp = await callRoute(signIn, "/api/auth/sign-in", {
      headers: { "x-forwarded-for": "10.9.9.10" },
      body: { email: "nobody@example.com", password: "wrong password" },
    });
    expect(otherIp.status).toBe(401);
  });
});

describe("API tokens", () => {
  it("creates (secret once, with prefix), lists (no secret), authenticates, revokes (→ 401)", async () => {
    const owner = await createTestUser();
    const created = await callRoute(createToken, "/api/tokens", { headers: owner.headers, body: { name: "ci" } });
    expect(created.status).toBe(201);
    const { token, id, prefix } = created.json!;
    expect(token).toMatch(/^gxy_[A-Za-z0-9_-]{43}$/);
    expect(token.startsWith(prefix)).toBe(true);

    const listed = await callRoute(listTokens, "/api/tokens", { headers: owner.headers });
    expect(listed.json?.tokens).toHaveLength(2);
    expect(JSON.stringify(listed.json)).not.toContain(token);
    expect(listed.json?.tokens[0]).toMatchObject({ id, name: "ci", prefix });

    const headers = { authorization: `Bearer ${token}` };
    expect((await callRoute(me, "/api/auth/me", { headers })).json).toMatchObject({ via: "token", user: { id: owner.user.id } });
    const [row] = await db().select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(row.lastUsedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(await db().select().from(apiTokens))).not.toContain(token);

    const other = await createTestUser();
    expect((await callRoute(revokeToken, `/api/tokens/${id}`, { method: "DELETE", headers: other.headers, params: { id } })).status).toBe(404);
    expect((await callRoute(revokeToken, `/api/tokens/${id}`, { method: "DELETE", headers: owner.headers, params: { id } })).status).toBe(200);
    const revoked = await callRoute(me, "/api/auth/me", { headers });
    expect(revoked.status).toBe(401);
    expect(revoked.json?.error).toMatch(/not valid/);
  });

  it("rejects a token without a name", async () => {
    const owner = await createTestUser();
    const res = await callRoute(createToken, "/api/tokens", { headers: owner.headers, body: { name: "  " } });
    expect(res.status).toBe(400);
    expect(res.json?.issues[0].path).toBe("name");
  });
});
