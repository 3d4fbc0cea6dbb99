/**
 * Who is calling, in this order: `Authorization: Bearer <token>` (a personal API
 * token `gxy_…`, or a Clerk session JWT when Clerk is configured), then the local
 * session cookie, then Clerk's `__session` cookie. Null when nobody is signed in.
 *
 * A Bearer credential that is presented but invalid throws a 401 AppError with the
 * reason (expired, wrong key, revoked…): a client that sent a token wants to know
 * why it failed, not to be treated as anonymous.
 */
import "server-only";
import type { NextRequest } from "next/server";
import { env } from "@/server/env";
import { AppError } from "@/server/http/errors";
import { isApiTokenFormat } from "./api-token-format";
import { findUserByApiToken } from "./find-user-by-api-token";
import { findUserBySession } from "./find-user-by-session";
import { CLERK_SESSION_COOKIE, SESSION_COOKIE } from "./session-cookie";
import { upsertClerkUser } from "./upsert-clerk-user";
import { verifyClerkToken } from "./verify-clerk-token";

export interface AuthUser {
  id: string;
  email: string;
  name: string | null;
  /** How this request authenticated (cookie-authenticated mutations are CSRF-checked). */
  via: "session" | "token" | "clerk";
  /** True when the credential came from a cookie (a browser may send it cross-site). */
  cookie?: boolean;
  /** The personal API token's id, when the request came with one (per-token limits). */
  tokenId?: string;
}

/** The credentials of a request, from a route's NextRequest or a page's `cookies()`/`headers()`. */
export interface RequestCredentials {
  authorization: string | null;
  cookie(name: string): string | undefined;
}

export async function authenticateRequest(req: NextRequest): Promise<AuthUser | null> {
  return authenticateCredentials({
    authorization: req.headers.get("authorization"),
    cookie: (name) => req.cookies.get(name)?.value,
  });
}

export async function authenticateCredentials(credentials: RequestCredentials): Promise<AuthUser | null> {
  const bearer = parseBearer(credentials.authorization);
  if (bearer !== null) return authenticateBearer(bearer);

  const session = credentials.cookie(SESSION_COOKIE);
  if (session) {
    const user = await findUserBySession(session);
    if (user) return { ...user, cookie: true };
  }

  const clerkSession = env().clerkEnabled ? credentials.cookie(CLERK_SESSION_COOKIE) : undefined;
  if (clerkSession) {
    const verified = await verifyClerkToken(clerkSession);
    if (verified.ok) return { ...(await upsertClerkUser(verified.identity)), cookie: true };
  }
  return null;
}

async function authenticateBearer(token: string): Promise<AuthUser> {
  if (isApiTokenFormat(token)) {
    const user = await findUserByApiToken(token);
    if (!user) throw new AppError("UNAUTHORIZED", "this API token is not valid (revoked, or never issued)");
    return user;
  }
  if (env().clerkEnabled && token.split(".").length === 3) {
    const verified = await verifyClerkToken(token);
    if (!verified.ok) throw new AppError("UNAUTHORIZED", verified.reason);
    return upsertClerkUser(verified.identity);
  }
  throw new AppError(
    "UNAUTHORIZED",
    env().clerkEnabled
      ? "the Bearer credential is neither a Galaxy API token (gxy_…) nor a Clerk session token"
      : "the Bearer credential is not a Galaxy API token (gxy_…)",
  );
}

/** The token of `Authorization: Bearer <token>`; null when there is no such header. */
function parseBearer(header: string | null): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new AppError("UNAUTHORIZED", "the Authorization header must be `Bearer <token>`");
  return match[1];
}
