/**
 * Clerk session tokens, offline: an RS256 key pair made here, CLERK_JWT_KEY set to its
 * public half, tokens minted with jose in Clerk's claim format (sub, sid, azp, iat, nbf,
 * exp, plus the `email` claim Galaxy reads — see verify-clerk-token.ts).
 */
import { eq } from "drizzle-orm";
import { exportSPKI, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as me } from "@/app/api/auth/me/route";
import { POST as signIn } from "@/app/api/auth/sign-in/route";
import { GET as listWorkflows, POST as createWorkflow } from "@/app/api/workflows/route";
import { CLERK_SESSION_COOKIE } from "@/server/auth/session-cookie";
import { useDatabase } from "@/server/db";
import { users } from "@/server/db/schema";
import { resetEnvCache } from "@/server/env";
import { callRoute } from "../helpers/call-route";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { createTestUser } from "../helpers/test-user";

const APP = "http://localhost:3000";
let t: TestDatabase;
let privateKey: CryptoKey;
let otherKey: CryptoKey;

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t.handle);
  const pair = await generateKeyPair("RS256");
  privateKey = pair.privateKey;
  otherKey = (await generateKeyPair("RS256")).privateKey;
  resetEnvCache({
    GALAXY_WORKER: "off",
    CLERK_SECRET_KEY: "sk_test_galaxy_fake_secret_key",
    NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "pk_test_Y2xlcmsuZ2FsYXh5LmV4YW1wbGUk",
    CLERK_JWT_KEY: await exportSPKI(pair.publicKey),
    CLERK_AUTHORIZED_PARTIES: APP,
  });
});
afterAll(async () => {
  resetEnvCache();
  await t?.drop();
});

interface Mint {
  sub?: string;
  email?: string | null;
  azp?: string;
  key?: CryptoKey;
  /** Seconds from now. */
  exp?: number;
  iat?: number;
}

async function mint({ sub = "user_2abc", email = "clerk@example.com", azp = APP, key, exp = 60, iat = -5 }: Mint = {}) {
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = { sid: "sess_123", azp, iss: "https://clerk.galaxy.example", v: 2 };
  if (email) claims.email = email;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "RS256", kid: "ins_test", typ: "JWT" })
    .setSubject(sub)
    .setIssuedAt(now + iat)
    .setNotBefore(now + iat)
    .setExpirationTime(now + exp)
    .sign(key ?? privateKey);
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("Clerk session tokens", () => {
  it("accepts a valid token, creates the user once, and the user reaches the API", async () => {
    const token = await mint({ sub: "user_valid", email: "Valid@Example.com" });
    const first = await callRoute(me, "/api/auth/me", { headers: bearer(token) });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ via: "clerk", user: { email: "valid@example.com" } });
    const second = await callRoute(me, "/api/auth/me", { headers: bearer(token) });
    expect(second.json?.user.id).toBe(first.json?.user.id);
    const created = await callRoute(createWorkflow, "/api/workflows", { headers: bearer(token), body: { name: "clerk wf", nodes: [], edges: [] } });
    expect(created.status).toBe(201);
    expect((await callRoute(listWorkflows, "/api/workflows", { headers: bearer(token) })).json?.total).toBe(1);
  });

  it("creates a user race-free when many first requests arrive at once", async () => {
    const token = await mint({ sub: "user_race", email: "race@example.com" });
    const answers = await Promise.all(Array.from({ length: 8 }, () => callRoute(me, "/api/auth/me", { headers: bearer(token) })));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    expect(new Set(answers.map((a) => a.json?.user.id)).size).toBe(1);
    expect(await t.handle.db.select().from(users).where(eq(users.clerkId, "user_race"))).toHaveLength(1);
  });

  it("accepts the token from Clerk's __session cookie", async () => {
    const token = await mint({ sub: "user_cookie", email: "cookie@example.com" });
    const res = await callRoute(me, "/api/auth/me", { headers: { cookie: `${CLERK_SESSION_COOKIE}=${token}` } });
    expect(res.status).toBe(200);
    expect(res.json?.user.email).toBe("cookie@example.com");
    const crossSite = await callRoute(createWorkflow, "/api/workflows", {
      headers: { cookie: `${CLERK_SESSION_COOKIE}=${token}`, origin: "https://evil.example" },
      body: { name: "x", nodes: [], edges: [] },
    });
    expect(crossSite.status).toBe(403);
  });

  it.each([
    ["expired", () => mint({ sub: "user_expired", exp: -120, iat: -300 }), /expired/],
    ["signed with another key", () => mint({ sub: "user_wrongkey", key: otherKey }), /signature/],
    ["issued for another origin (azp)", () => mint({ sub: "user_azp", azp: "https://evil.example" }), /azp|origin/],
    ["without an email claim", () => mint({ sub: "user_noemail", email: null }), /email/],
  ])("refuses a token %s with a clear 401", async (_label, make, reason) => {
    const res = await callRoute(me, "/api/auth/me", { headers: bearer(await make()) });
    expect(res.status).toBe(401);
    expect(res.json?.code).toBe("UNAUTHORIZED");
    expect(res.json?.error).toMatch(reason);
  });

  it("writes no user for refused tokens", async () => {
    const rows = await t.handle.db.select({ clerkId: users.clerkId }).from(users);
    const ids = rows.map((r) => r.clerkId);
    for (const refused of ["user_expired", "user_wrongkey", "user_azp", "user_noemail"]) expect(ids).not.toContain(refused);
  });

  it("refuses a Clerk identity whose e-mail belongs to a local account (no silent takeover)", async () => {
    const local = await createTestUser({ email: "local@example.com" });
    const res = await callRoute(me, "/api/auth/me", { headers: bearer(await mint({ sub: "user_takeover", email: "local@example.com" })) });
    expect(res.status).toBe(401);
    expect(res.json?.error).toMatch(/local account/);
    expect((await callRoute(me, "/api/auth/me", { headers: local.headers })).status).toBe(200);
  });

  it("keeps API tokens working, and turns local sign-in off", async () => {
    const user = await createTestUser();
    expect((await callRoute(me, "/api/auth/me", { headers: user.headers })).json?.via).toBe("token");
    const res = await callRoute(signIn, "/api/auth/sign-in", { body: { email: user.user.email, password: "whatever1" } });
    expect(res.status).toBe(400);
    expect(res.json?.error).toMatch(/Clerk/);
  });
});
