/**
 * Who is calling: a session cookie, `Authorization: Bearer <api token>`, or a Clerk
 * session (cookie or Bearer JWT) when Clerk is configured. Null when nobody is.
 * (Filled in by the accounts work: sessions, API tokens, Clerk.)
 */
import "server-only";
import type { NextRequest } from "next/server";

export interface AuthUser {
  id: string;
  email: string;
  name: string | null;
  /** How this request authenticated (cookie-authenticated mutations are CSRF-checked). */
  via: "session" | "token" | "clerk";
}

export async function authenticateRequest(_req: NextRequest): Promise<AuthUser | null> {
  return null;
}
