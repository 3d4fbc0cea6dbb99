/** The page guard: signed-out visitors of /workflows and /settings go to /sign-in?next=…; other pages pass. */
import { NextRequest, type NextFetchEvent } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { PAGE_PATH_HEADER, SESSION_COOKIE } from "@/server/auth/session-cookie";
import { safeNextPath } from "@/server/auth/safe-next-path";
import { resetEnvCache } from "@/server/env";

beforeAll(() => resetEnvCache({ CLERK_SECRET_KEY: "", NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "" }));
afterAll(() => resetEnvCache());

const visit = async (path: string, cookie?: string) =>
  (await proxy(new NextRequest(`http://localhost:3000${path}`, { headers: cookie ? { cookie } : {} }), {} as NextFetchEvent)) as Response;

describe("proxy (local accounts)", () => {
  it.each(["/workflows", "/workflows/abc?tab=runs", "/settings", "/settings/tokens"])("redirects %s to sign-in when signed out", async (path) => {
    const res = await visit(path);
    expect(res.status).toBe(307);
    const location = new URL(res.headers.get("location")!);
    expect(location.pathname).toBe("/sign-in");
    expect(location.searchParams.get("next")).toBe(path);
  });

  it("lets a request with a session cookie through (the page checks it for real)", async () => {
    const res = await visit("/workflows/w1?x=1", `${SESSION_COOKIE}=abc`);
    expect(res.headers.get("x-middleware-next")).toBe("1");
    // the page's path travels on as a request header, for requirePageUser's ?next=
    expect(res.headers.get(`x-middleware-request-${PAGE_PATH_HEADER}`)).toBe("/workflows/w1?x=1");
  });

  it.each(["/", "/sign-in", "/sign-up", "/workflowsx"])("leaves %s alone", async (path) => {
    expect((await visit(path)).headers.get("x-middleware-next")).toBe("1");
  });
});

describe("safeNextPath", () => {
  it.each([
    ["/workflows/1", "/workflows/1"],
    ["https://evil.example", "/workflows"],
    ["//evil.example", "/workflows"],
    ["/\\evil.example", "/workflows"],
    [undefined, "/workflows"],
  ])("%s → %s", (input, expected) => expect(safeNextPath(input)).toBe(expected));
});
