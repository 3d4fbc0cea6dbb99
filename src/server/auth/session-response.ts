/** JSON answers of the sign-in, sign-up and sign-out endpoints, with the session cookie set or cleared. */
import "server-only";
import { NextResponse } from "next/server";
import { env } from "@/server/env";
import type { CreatedSession } from "./create-session";
import { SESSION_COOKIE, sessionCookieOptions } from "./session-cookie";

export function signedInResponse(user: { id: string; email: string; name: string | null }, session: CreatedSession) {
  const res = NextResponse.json({ success: true, user }, { headers: { "cache-control": "no-store" } });
  res.cookies.set(SESSION_COOKIE, session.secret, sessionCookieOptions(env().isProduction, session.expiresAt));
  return res;
}

export function signedOutResponse() {
  const res = NextResponse.json({ success: true }, { headers: { "cache-control": "no-store" } });
  res.cookies.set(SESSION_COOKIE, "", sessionCookieOptions(env().isProduction, new Date(0)));
  return res;
}
