/**
 * Bad input is a 4xx on every route (issue 15): deeply nested JSON, a NUL or another control
 * character in an id (every path parameter of every route, and the id query parameters), a
 * NUL anywhere in a query string or a JSON body, and a body that never arrives (408).
 */
import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { API_ROUTES } from "@/contracts/api-routes";
import { POST as execute } from "@/app/api/execute/route";
import { PUT as putWorkflow } from "@/app/api/workflows/[id]/route";
import { POST as importWorkflow } from "@/app/api/workflows/import/route";
import { POST as createWorkflow } from "@/app/api/workflows/route";
import { useDatabase } from "@/server/db";
import { resetEnvCache } from "@/server/env";
import { BODY_READ_TIMEOUT_MS, MAX_JSON_DEPTH } from "@/server/http/read-json-body";
import { callRoute } from "../helpers/call-route";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { createTestUser, type TestUser } from "../helpers/test-user";

type Handler = Parameters<typeof callRoute>[0];

let t: TestDatabase;
let alice: TestUser;
let workflowId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t.handle);
  resetEnvCache({ GALAXY_WORKER: "off" });
  alice = await createTestUser();
  const created = await callRoute(createWorkflow, "/api/workflows", {
    headers: alice.headers,
    body: { name: "wf", nodes: [], edges: [] },
  });
  workflowId = created.json!.workflow.id;
});
afterAll(async () => {
  resetEnvCache();
  await t?.drop();
});

const asJson = (text: string) => ({ headers: { ...alice.headers, "content-type": "application/json" }, body: text });
const nested = (levels: number) => "[".repeat(levels) + "]".repeat(levels);

describe("deeply nested JSON", () => {
  it(`is a 400 naming the limit (${MAX_JSON_DEPTH} levels) on every JSON route, at 10,000 levels and at 500,000`, async () => {
    for (const levels of [10_000, 500_000]) {
      const node = `{"id":"t","type":"text","position":{"x":0,"y":0},"data":{"text":"hi","x":${nested(levels)}}}`;
      const calls = [
        callRoute(createWorkflow, "/api/workflows", asJson(`{"name":"deep","nodes":[${node}],"edges":[]}`)),
        callRoute(putWorkflow, `/api/workflows/${workflowId}`, {
          ...asJson(`{"name":"deep","nodes":[${node}],"edges":[]}`),
          method: "PUT",
          params: { id: workflowId },
        }),
        callRoute(execute, "/api/execute", asJson(`{"nodes":[${node}],"edges":[]}`)),
        callRoute(importWorkflow, "/api/workflows/import", asJson(`{"workflow":{"name":"x","nodes":[${node}],"edges":[]}}`)),
      ];
      for (const res of await Promise.all(calls)) {
        expect(res.status, res.text).toBe(400);
        expect(res.json).toMatchObject({ code: "BAD_REQUEST", error: expect.stringContaining(`deeper than ${MAX_JSON_DEPTH} levels`) });
      }
    }
  });

  it("still accepts an ordinary nested node", async () => {
    const data = { text: "hi", meta: JSON.parse(nested(20)) };
    const res = await callRoute(createWorkflow, "/api/workflows", {
      headers: alice.headers,
      body: { name: "nested", nodes: [{ id: "t", type: "text", position: { x: 0, y: 0 }, data }], edges: [] },
    });
    expect(res.status, res.text).toBe(201);
  });
});

describe("a NUL in a JSON body", () => {
  it("is a 400, wherever the string is", async () => {
    for (const body of [
      { name: "a\u0000b", nodes: [], edges: [] },
      { name: "ok", nodes: [{ id: "t", type: "text", position: { x: 0, y: 0 }, data: { text: "\u0000" } }], edges: [] },
    ]) {
      const res = await callRoute(createWorkflow, "/api/workflows", { headers: alice.headers, body });
      expect(res.status, res.text).toBe(400);
      expect(res.json?.error).toContain("NUL");
    }
    const res = await callRoute(execute, "/api/execute", { headers: alice.headers, body: { workflowId: "\u0000abc" } });
    expect(res.status, res.text).toBe(400);
  });
});

// ---- ids: every path parameter of every route file, and the id query parameters ----

const API_DIR = join(process.cwd(), "src", "app", "api");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function findRouteFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return findRouteFiles(path);
    return /^route\.(ts|tsx|js)$/.test(name) ? [path] : [];
  });
}

/** `src/app/api/workflows/[id]/route.ts` → ["workflows", "{id}"], with the parameter names. */
function routeOf(file: string) {
  const parts = relative(API_DIR, file).split(sep).slice(0, -1);
  const names = parts.flatMap((part) => /^\[(\w+)\]$/.exec(part)?.[1] ?? []);
  return { parts, names };
}

async function callEveryIdRoute(badId: string) {
  const answers: { route: string; status: number; code: unknown; text: string }[] = [];
  for (const file of findRouteFiles(API_DIR)) {
    const { parts, names } = routeOf(file);
    if (names.length === 0) continue;
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const method of METHODS.filter((m) => typeof mod[m] === "function")) {
      const params = Object.fromEntries(names.map((name) => [name, name === "version" ? "1" : badId]));
      const url = `/api/${parts.map((part) => part.replace(/^\[(\w+)\]$/, (_, name: string) => encodeURIComponent(params[name]))).join("/")}`;
      const res = await callRoute(mod[method] as Handler, url, {
        method,
        headers: alice.headers,
        params,
        body: method === "GET" || method === "DELETE" ? undefined : { name: "x", nodes: [], edges: [] },
      });
      answers.push({ route: `${method} ${url}`, status: res.status, code: res.json?.code, text: res.text.slice(0, 160) });
    }
  }
  return answers;
}

describe("an id with a NUL or another control character", () => {
  for (const [what, badId] of [
    ["a NUL", "\u0000abc"],
    ["a NUL at the end", `${"c".repeat(20)}\u0000`],
    ["a control character (U+0001)", "abc\u0001"],
    ["a newline", "abc\n"],
    ["DEL", "abc\u007f"],
  ] as const) {
    it(`is a 400 VALIDATION_FAILED on every route with an id in its path: ${what}`, async () => {
      const answers = await callEveryIdRoute(badId);
      expect(answers.length).toBeGreaterThanOrEqual(Object.values(API_ROUTES).filter((r) => r.path.includes("{")).length);
      expect(answers.filter((a) => a.status !== 400 || a.code !== "VALIDATION_FAILED")).toEqual([]);
    });
  }

  it("is a 400 in the id query parameters (/api/runs?workflowId=, /api/runs/compare?a=&b=)", async () => {
    const { GET: listRuns } = await import("@/app/api/runs/route");
    const { GET: compareRuns } = await import("@/app/api/runs/compare/route");
    for (const badId of ["%00abc", "abc%01", "abc%7F"]) {
      for (const [handler, url] of [
        [listRuns, `/api/runs?workflowId=${badId}`],
        [compareRuns, `/api/runs/compare?a=${badId}&b=c0000000000000000000000000`],
        [compareRuns, `/api/runs/compare?a=c0000000000000000000000000&b=${badId}`],
      ] as const) {
        const res = await callRoute(handler as Handler, url, { headers: alice.headers });
        expect(res.status, `${url} ${res.text}`).toBe(400);
        expect(res.json?.code).toBe("VALIDATION_FAILED");
      }
    }
  });

  it("is a 400 for a NUL in any query parameter of any route", async () => {
    const failures: string[] = [];
    const checked: string[] = [];
    for (const file of findRouteFiles(API_DIR)) {
      const { parts, names } = routeOf(file);
      if (parts.some((part) => part.startsWith("[..."))) continue;
      const spec = Object.values(API_ROUTES).find((r) => r.path === `/api/${parts.map((p) => p.replace(/^\[(\w+)\]$/, "{$1}")).join("/")}` && "query" in r);
      if (!spec || !("query" in spec)) continue;
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      const params = Object.fromEntries(names.map((name) => [name, name === "version" ? "1" : workflowId]));
      for (const key of Object.keys(spec.query.shape)) {
        const url = `${spec.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name])}?${key}=x%00y`;
        const res = await callRoute(mod[spec.method] as Handler, url, { method: spec.method, headers: alice.headers, params });
        checked.push(`${spec.path}?${key}`);
        if (res.status !== 400) failures.push(`${url} → ${res.status} ${res.text.slice(0, 120)}`);
      }
    }
    expect(checked).toEqual(expect.arrayContaining(["/api/workflows?q", "/api/workflows?tag", "/api/runs?workflowId", "/api/runs/compare?a"]));
    expect(failures).toEqual([]);
  });

  it("still finds nothing (404) for a well-formed id that is not there, and ids from elsewhere pass validation", async () => {
    const { GET: getFile } = await import("@/app/api/files/[id]/route");
    for (const id of ["c0000000000000000000000000", "user_2abcDEF-123.x", "ÿ-ünïcode"]) {
      const res = await callRoute(getFile as Handler, `/api/files/${encodeURIComponent(id)}`, { headers: alice.headers, params: { id } });
      expect(res.status, res.text).toBe(404);
    }
  });
});

describe("a body that never arrives", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it(`is answered 408 REQUEST_TIMEOUT with Connection: close after ${BODY_READ_TIMEOUT_MS / 1000} s`, async () => {
    // Only the timers are fake: the database and the streams run for real.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    let readingStarted!: () => void;
    const reading = new Promise<void>((resolve) => (readingStarted = resolve));
    const neverEnds = new ReadableStream<Uint8Array>(
      {
        start: (controller) => controller.enqueue(new TextEncoder().encode('{"name":"stalled",')),
        pull: () => {
          readingStarted();
          return new Promise<void>(() => undefined);
        },
      },
      { highWaterMark: 0 },
    );
    const req = new NextRequest("http://127.0.0.1:3000/api/workflows", {
      method: "POST",
      headers: { ...alice.headers, "content-type": "application/json" },
      body: neverEnds,
      duplex: "half",
    } as ConstructorParameters<typeof NextRequest>[1]);
    let settled = false;
    const answer = createWorkflow(req, { params: Promise.resolve({}) }).finally(() => (settled = true));

    await reading;
    await vi.advanceTimersByTimeAsync(BODY_READ_TIMEOUT_MS - 1_000);
    expect(settled, "answered before the time was up").toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    const res = await answer;
    expect(res.status).toBe(408);
    expect(res.headers.get("connection")).toBe("close");
    expect(await res.json()).toMatchObject({ code: "REQUEST_TIMEOUT", error: expect.stringContaining("30 s") });
  });
});
