/**
 * The local session cookie: its name (also read by `src/proxy.ts`, so this file
 * imports nothing server-only) and its attributes.
 */
export const SESSION_COOKIE = "galaxy_session";
/** Clerk's session JWT cookie (set by Clerk's frontend on this domain). */
export const CLERK_SESSION_COOKIE = "__session";
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export function sessionCookieOptions(secure: boolean, expires: Date) {
  return { httpOnly: true, sameSite: "lax" as const, secure, path: "/", expires };
}

/** Set by `src/proxy.ts` on protected pages: the path to return to after sign-in. */
export const PAGE_PATH_HEADER = "x-galaxy-page-path";
