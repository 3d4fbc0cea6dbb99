/**
 * Page guard (Next 16 "proxy", formerly middleware; Node.js runtime). Signed-out
 * visitors of /workflows and /settings go to /sign-in?next=…. Locally this is only a
 * cookie-presence check (pages and the API do the real check); with Clerk configured,
 * Clerk's middleware runs (refreshing its short-lived session) and decides. Clerk's
 * middleware is installed only then: without keys it answers 500 to every request.
 * API routes are not matched: they authenticate themselves.
 */
import { clerkMiddleware } from "@clerk/nextjs/server";
import { NextResponse, type NextFetchEvent, type NextMiddleware, type NextRequest } from "next/server";
import { PAGE_PATH_HEADER, SESSION_COOKIE } from "@/server/auth/session-cookie";
import { env } from "@/server/env";

const PROTECTED = /^\/(workflows|settings)(\/|$)/;

function signInRedirect(req: NextRequest): NextResponse {
  const url = new URL("/sign-in", req.url);
  url.searchParams.set("next", req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.redirect(url);
}

/** Passes the page's path on, so `requirePageUser()` can send the visitor back here after sign-in. */
function pass(req: NextRequest): NextResponse {
  if (!PROTECTED.test(req.nextUrl.pathname)) return NextResponse.next();
  const headers = new Headers(req.headers);
  headers.set(PAGE_PATH_HEADER, req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

let clerkHandler: NextMiddleware | undefined;

function clerk(): NextMiddleware {
  if (clerkHandler) return clerkHandler;
  const config = env();
  const authorizedParties = config.CLERK_AUTHORIZED_PARTIES?.split(",").map((s) => s.trim()).filter(Boolean);
  clerkHandler = clerkMiddleware(
    async (auth, req) => {
      if (PROTECTED.test(req.nextUrl.pathname) && !(await auth()).userId) return signInRedirect(req);
      return pass(req);
    },
    {
      // @clerk/nextjs does not read CLERK_JWT_KEY itself (FINDINGS.md).
      jwtKey: config.CLERK_JWT_KEY,
      secretKey: config.CLERK_SECRET_KEY,
      publishableKey: config.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY,
      ...(authorizedParties?.length ? { authorizedParties } : {}),
      signInUrl: "/sign-in",
      signUpUrl: "/sign-up",
    },
  );
  return clerkHandler;
}

export function proxy(req: NextRequest, event: NextFetchEvent) {
  if (env().clerkEnabled) return clerk()(req, event);
  if (PROTECTED.test(req.nextUrl.pathname) && !req.cookies.has(SESSION_COOKIE)) return signInRedirect(req);
  return pass(req);
}

export const config = {
  // Pages only: not the API, not Next's assets, not files with an extension.
  matcher: ["/((?!api/|_next/|.*\\.[\\w]+$).*)"],
};
