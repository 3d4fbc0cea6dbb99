/** Resolves a session cookie to its user; expired sessions are deleted on sight. */
import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/server/db";
import { sessions, users } from "@/server/db/schema";
import type { AuthUser } from "./authenticate-request";
import { sha256Hex } from "./secrets";
import { AUTH_USER_COLUMNS, isDueForTouch } from "./credential-lookup";

export async function findUserBySession(secret: string): Promise<AuthUser | null> {
  if (secret.length < 20 || secret.length > 200) return null;
  const db = await getDb();
  const [row] = await db
    .select({ sessionId: sessions.id, expiresAt: sessions.expiresAt, lastSeenAt: sessions.lastSeenAt, ...AUTH_USER_COLUMNS })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, sha256Hex(secret)))
    .limit(1);
  if (!row) return null;
  const now = Date.now();
  if (row.expiresAt.getTime() <= now) {
    await db.delete(sessions).where(eq(sessions.id, row.sessionId));
    return null;
  }
  if (isDueForTouch(row.lastSeenAt, now)) await db.update(sessions).set({ lastSeenAt: new Date(now) }).where(eq(sessions.id, row.sessionId));
  return { id: row.id, email: row.email, name: row.name, via: "session" };
}
