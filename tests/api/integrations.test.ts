/** GET /api/integrations (what is configured, never secrets) and GET /api/openapi.json. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as integrations } from "@/app/api/integrations/route";
import { GET as openapi } from "@/app/api/openapi.json/route";
import { useDatabase } from "@/server/db";
import { resetEnvCache } from "@/server/env";
import { callRoute } from "../helpers/call-route";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { createTestUser, type TestUser } from "../helpers/test-user";

let t: TestDatabase;
let user: TestUser;
beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t.handle);
  resetEnvCache({ GALAXY_WORKER: "off" });
  user = await createTestUser();
});
afterAll(async () => {
  resetEnvCache();
  await t?.drop();
});

const EMPTY = {
  DATABASE_URL: "",
  CLERK_SECRET_KEY: "",
  NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "",
  TRIGGER_SECRET_KEY: "",
  TRIGGER_API_KEY: "",
  TRANSLOADIT_AUTH_KEY: "",
  TRANSLOADIT_SECRET: "",
  GOOGLE_GENERATIVE_AI_API_KEY: "",
  GROQ_API_KEY: "",
  OPENAI_COMPATIBLE_BASE_URL: "",
};

describe("GET /api/integrations", () => {
  it("reports the embedded defaults", async () => {
    resetEnvCache({ ...EMPTY, GALAXY_WORKER: "inline" });
    const res = await callRoute(integrations, "/api/integrations", { headers: user.headers });
    expect(res.json).toEqual({
      success: true,
      database: "pglite",
      auth: "local",
      queue: "pg-boss (inline worker)",
      storage: "local",
      providers: { google: false, groq: false, "openai-compatible": false },
    });
  });

  it("reports configured services without leaking any secret", async () => {
    const secrets = {
      GOOGLE_GENERATIVE_AI_API_KEY: "g-secret-123",
      GROQ_API_KEY: "groq-secret-456",
      TRANSLOADIT_AUTH_KEY: "tl-key-789",
      TRANSLOADIT_SECRET: "tl-secret-000",
      TRIGGER_API_KEY: "tr_secret_111",
    };
    resetEnvCache({ ...EMPTY, ...secrets, DATABASE_URL: "postgres://u:dbpass@db:5432/galaxy", OPENAI_COMPATIBLE_BASE_URL: "http://127.0.0.1:11434" });
    try {
      const res = await callRoute(integrations, "/api/integrations", { headers: user.headers });
      expect(res.json).toMatchObject({
        database: "postgres",
        queue: "trigger.dev",
        storage: "transloadit",
        providers: { google: true, groq: true, "openai-compatible": true },
      });
      for (const secret of [...Object.values(secrets), "dbpass"]) expect(res.text).not.toContain(secret);
    } finally {
      resetEnvCache({ GALAXY_WORKER: "off" });
    }
  });
});

describe("GET /api/openapi.json", () => {
  it("is public and describes the API", async () => {
    const res = await callRoute(openapi, "/api/openapi.json");
    expect(res.status).toBe(200);
    expect(res.json?.openapi).toBe("3.1.0");
    expect(Object.keys(res.json?.paths)).toEqual(expect.arrayContaining(["/api/workflows", "/api/workflows/{id}", "/api/runs"]));
    expect(res.json?.paths["/api/auth/sign-in"].post.security).toEqual([]);
  });
});
