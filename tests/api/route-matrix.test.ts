/**
 * Every API route, discovered from the file system, answers 401 to every exported
 * method without credentials (and with a bogus token) — so a route added later
 * without the guard fails here. Only the allow-list below is public.
 */
import { readdirSync, statSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "@/server/db";
import { resetEnvCache } from "@/server/env";
import { documentedRoutes } from "@/server/http/openapi-document";
import { callRoute } from "../helpers/call-route";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

const PUBLIC_ROUTES = new Set(["/api/health", "/api/auth/sign-in", "/api/auth/sign-up", "/api/auth/sign-out", "/api/openapi.json"]);
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;
const API_DIR = join(process.cwd(), "src", "app", "api");

function findRouteFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return findRouteFiles(path);
    return /^route\.(ts|tsx|js)$/.test(name) ? [path] : [];
  });
}

/** `src/app/api/workflows/[id]/route.ts` → `/api/workflows/{id}` */
function urlPattern(file: string): string {
  const dir = relative(join(process.cwd(), "src", "app"), file).split(sep).slice(0, -1);
  return `/${dir.map((part) => part.replace(/^\[(\w+)\]$/, "{$1}")).join("/")}`;
}

type Handler = Parameters<typeof callRoute>[0];
interface Route {
  pattern: string;
  methods: { method: string; handler: Handler }[];
}

let t: TestDatabase;
let routes: Route[];
beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t.handle);
  resetEnvCache({ GALAXY_WORKER: "off", GALAXY_DATA_DIR: mkdtempSync(join(tmpdir(), "galaxy-matrix-")) });
  routes = [];
  for (const file of findRouteFiles(API_DIR)) {
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    routes.push({
      pattern: urlPattern(file),
      methods: METHODS.filter((m) => typeof mod[m] === "function").map((method) => ({ method, handler: mod[method] as Handler })),
    });
  }
});
afterAll(async () => {
  resetEnvCache();
  await t?.drop();
});

function call(route: Route, method: string, handler: Handler, headers: Record<string, string> = {}) {
  const params: Record<string, string> = {};
  const url = route.pattern.replace(/\{(\w+)\}/g, (_, name: string) => {
    params[name] = "c0000000000000000000000000";
    return params[name];
  });
  const hasBody = !["GET", "HEAD", "OPTIONS", "DELETE"].includes(method);
  return callRoute(handler, url, { method, headers, params, body: hasBody ? { name: "x", nodes: [], edges: [] } : undefined });
}

describe("route matrix", () => {
  it("finds the routes and their methods", () => {
    const patterns = routes.map((r) => r.pattern);
    for (const expected of ["/api/workflows", "/api/workflows/{id}", "/api/runs", "/api/execute/{runId}", "/api/tokens", "/api/health"]) {
      expect(patterns).toContain(expected);
    }
    for (const route of routes) expect(route.methods.length, `${route.pattern} exports no HTTP method`).toBeGreaterThan(0);
  });

  it("answers 401 to every method of every non-public route without credentials", async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => !PUBLIC_ROUTES.has(r.pattern))) {
      for (const { method, handler } of route.methods) {
        const res = await call(route, method, handler);
        if (res.status !== 401 || res.json?.code !== "UNAUTHORIZED") failures.push(`${method} ${route.pattern} → ${res.status} ${res.text.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("answers 401 with the reason to a bogus or malformed Bearer credential", async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => !PUBLIC_ROUTES.has(r.pattern))) {
      for (const { method, handler } of route.methods) {
        for (const authorization of [`Bearer gxy_${"A".repeat(43)}`, "Bearer not-a-token", "Basic dXNlcjpwYXNz"]) {
          const res = await call(route, method, handler, { authorization });
          if (res.status !== 401 || typeof res.json?.error !== "string") failures.push(`${method} ${route.pattern} (${authorization}) → ${res.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("lets the allow-listed public routes through without credentials", async () => {
    for (const route of routes.filter((r) => PUBLIC_ROUTES.has(r.pattern))) {
      for (const { method, handler } of route.methods) {
        const res = await call(route, method, handler);
        expect(res.status, `${method} ${route.pattern}`).not.toBe(401);
        expect(res.status, `${method} ${route.pattern}`).toBeLessThan(500);
      }
    }
  });

  it("documents every route and method in /api/openapi.json", () => {
    const documented = documentedRoutes();
    const missing: string[] = [];
    for (const route of routes) {
      for (const { method } of route.methods) {
        if (method === "HEAD" || method === "OPTIONS") continue;
        if (!documented[route.pattern]?.includes(method)) missing.push(`${method} ${route.pattern}`);
      }
    }
    expect(missing).toEqual([]);
    const existing = new Set(routes.flatMap((r) => r.methods.map((m) => `${m.method} ${r.pattern}`)));
    const stale = Object.entries(documented).flatMap(([path, methods]) => methods.map((m) => `${m} ${path}`)).filter((k) => !existing.has(k));
    // Routes of work in progress elsewhere may be documented before their file lands; report, do not fail.
    if (stale.length > 0) console.warn("[openapi] documented but not (yet) present:", stale.join(", "));
  });
});
