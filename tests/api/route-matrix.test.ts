/**
 * Every API route, discovered from the file system, against the route table
 * (`src/contracts/api-routes.ts`): each file and method is in the table and each table entry
 * has its handler; every method answers 401 without credentials (and with a bogus token)
 * unless the table marks it public; and the catch-all answers the JSON 404 to every method.
 */
import { readdirSync, statSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_ROUTES } from "@/contracts/api-routes";
import { useDatabase } from "@/server/db";
import { resetEnvCache } from "@/server/env";
import { callRoute } from "../helpers/call-route";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;
const API_DIR = join(process.cwd(), "src", "app", "api");
/** `src/app/api/[...path]/route.ts`: what answers every `/api/...` path no other route handles. */
const CATCH_ALL = "/api/{...path}";
const PUBLIC_ROUTES = new Set(
  Object.values(API_ROUTES).flatMap((r) =>
    "auth" in r && r.auth === "public" ? [`${r.method} ${r.path}`] : [],
  ),
);

function findRouteFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return findRouteFiles(path);
    return /^route\.(ts|tsx|js)$/.test(name) ? [path] : [];
  });
}

/** `src/app/api/workflows/[id]/route.ts` → `/api/workflows/{id}`; `[...path]` → `{...path}` */
function urlPattern(file: string): string {
  const dir = relative(join(process.cwd(), "src", "app"), file)
    .split(sep)
    .slice(0, -1);
  return `/${dir.map((part) => part.replace(/^\[((?:\.\.\.)?\w+)\]$/, "{$1}")).join("/")}`;
}

type Handler = Parameters<typeof callRoute>[0];
interface Route {
  pattern: string;
  methods: { method: string; handler: Handler }[];
}

let t: TestDatabase;
let routes: Route[];
let catchAll: Route | undefined;
beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t.handle);
  resetEnvCache({ GALAXY_WORKER: "off", GALAXY_DATA_DIR: mkdtempSync(join(tmpdir(), "galaxy-matrix-")) });
  const found: Route[] = [];
  for (const file of findRouteFiles(API_DIR)) {
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    found.push({
      pattern: urlPattern(file),
      methods: METHODS.filter((m) => typeof mod[m] === "function").map((method) => ({
        method,
        handler: mod[method] as Handler,
      })),
    });
  }
  catchAll = found.find((r) => r.pattern === CATCH_ALL);
  routes = found.filter((r) => r !== catchAll);
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
  return callRoute(handler, url, {
    method,
    headers,
    params,
    body: hasBody ? { name: "x", nodes: [], edges: [] } : undefined,
  });
}

const isPublic = (route: Route, method: string) => PUBLIC_ROUTES.has(`${method} ${route.pattern}`);

describe("route matrix", () => {
  it("finds the routes and their methods", () => {
    const patterns = routes.map((r) => r.pattern);
    for (const expected of [
      "/api/workflows",
      "/api/workflows/{id}",
      "/api/runs",
      "/api/execute/{runId}",
      "/api/tokens",
      "/api/health",
    ]) {
      expect(patterns).toContain(expected);
    }
    for (const route of routes)
      expect(route.methods.length, `${route.pattern} exports no HTTP method`).toBeGreaterThan(0);
  });

  it("has every route file and method in the route table, and a handler for every entry of the table", () => {
    const handled = new Set(
      routes.flatMap((r) =>
        r.methods
          .filter((m) => m.method !== "HEAD" && m.method !== "OPTIONS")
          .map((m) => `${m.method} ${r.pattern}`),
      ),
    );
    const documented = new Set(Object.values(API_ROUTES).map((r) => `${r.method} ${r.path}`));
    expect(
      [...handled].filter((key) => !documented.has(key)),
      "handled but not in src/contracts/api-routes.ts",
    ).toEqual([]);
    expect(
      [...documented].filter((key) => !handled.has(key)),
      "in src/contracts/api-routes.ts but no route.ts exports it",
    ).toEqual([]);
    expect(Object.keys(API_ROUTES).length, "two entries of the table name one method and path").toBe(
      documented.size,
    );
  });

  it("answers 401 to every method of every non-public route without credentials", async () => {
    const failures: string[] = [];
    for (const route of routes) {
      for (const { method, handler } of route.methods.filter((m) => !isPublic(route, m.method))) {
        const res = await call(route, method, handler);
        if (res.status !== 401 || res.json?.code !== "UNAUTHORIZED")
          failures.push(`${method} ${route.pattern} → ${res.status} ${res.text.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("answers 401 with the reason to a bogus or malformed Bearer credential", async () => {
    const failures: string[] = [];
    for (const route of routes) {
      for (const { method, handler } of route.methods.filter((m) => !isPublic(route, m.method))) {
        for (const authorization of [
          `Bearer gxy_${"A".repeat(43)}`,
          "Bearer not-a-token",
          "Basic dXNlcjpwYXNz",
        ]) {
          const res = await call(route, method, handler, { authorization });
          if (res.status !== 401 || typeof res.json?.error !== "string")
            failures.push(`${method} ${route.pattern} (${authorization}) → ${res.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("lets the public routes of the table through without credentials", async () => {
    expect(PUBLIC_ROUTES.size).toBeGreaterThan(0);
    for (const route of routes) {
      for (const { method, handler } of route.methods.filter((m) => isPublic(route, m.method))) {
        const res = await call(route, method, handler);
        expect(res.status, `${method} ${route.pattern}`).not.toBe(401);
        expect(res.status, `${method} ${route.pattern}`).toBeLessThan(500);
      }
    }
  });

  it("answers the JSON 404 to every method of an unknown /api/... path, signed in or not", async () => {
    expect(catchAll, `${CATCH_ALL} (src/app/api/[...path]/route.ts) is missing`).toBeDefined();
    expect(catchAll!.methods.map((m) => m.method)).toEqual([...METHODS]);
    for (const { method, handler } of catchAll!.methods) {
      for (const url of ["/api/nope", "/api/workflows/x/nope"]) {
        const res = await callRoute(handler, url, {
          method,
          headers: { authorization: "Bearer not-a-token" },
          params: { path: url.slice(5) },
        });
        expect(res.status, `${method} ${url}`).toBe(404);
        if (method === "HEAD") continue;
        expect(res.headers.get("content-type"), `${method} ${url}`).toMatch(/^application\/json/);
        expect(res.json, `${method} ${url}`).toEqual({
          success: false,
          code: "NOT_FOUND",
          error: `API route ${method} ${url} not found`,
        });
      }
    }
  });
});
