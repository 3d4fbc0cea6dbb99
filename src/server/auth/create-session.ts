/** Starts a local session: a random secret for the cookie, its sha256 in `sessions`. */
import "server-only";
import { getDb } from "@/server/db";
import { sessions } from "@/server/db/schema";
import { generateSecret, sha256Hex } from "./secrets";
import { SESSION_TTL_MS } from "./session-cookie";

export interface CreatedSession {
  /** The cookie value: never stored. */
  secret: string;
  expiresAt: Date;
}

export async function createSession(
  userId: string,
  meta: { userAgent?: string | null; ip?: string | null } = {},
): Promise<CreatedSession> {
  const secret = generateSecret();
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  const db = await getDb();
  await db.insert(sessions).values({
    userId,
    tokenHash: sha256Hex(secret),
    expiresAt,
    userAgent: meta.userAgent?.slice(0, 500) ?? null,
    ip: meta.ip ?? null,
  });
  return { secret, expiresAt };
}
