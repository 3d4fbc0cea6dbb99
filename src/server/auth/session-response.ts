/** JSON answers of the sign-in, sign-up and sign-out endpoints, with the session cookie set or cleared. */
import "server-only";
import { env } from "@/server/env";
import { reply } from "@/server/http/api-route";
import type { CreatedSession } from "./create-session";
import { SESSION_COOKIE, sessionCookieOptions } from "./session-cookie";
import { toPublicUser } from "./to-public-user";

export function signedInResponse(user: { id: string; email: string; name: string | null }, session: CreatedSession) {
  const res = reply({ user: toPublicUser(user) });
  res.cookies.set(SESSION_COOKIE, session.secret, sessionCookieOptions(env().isProduction, session.expiresAt));
  return res;
}

export function signedOutResponse() {
  const res = reply({});
  res.cookies.set(SESSION_COOKIE, "", sessionCookieOptions(env().isProduction, new Date(0)));
  return res;
}
