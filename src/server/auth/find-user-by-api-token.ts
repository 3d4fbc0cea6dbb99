/** Resolves `Authorization: Bearer gxy_…` to its user, and notes when the token was last used. */
import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/server/db";
import { apiTokens, users } from "@/server/db/schema";
import type { AuthUser } from "./authenticate-request";
import { isApiTokenFormat } from "./api-token-format";
import { sha256Hex } from "./secrets";

/** `lastUsedAt` is refreshed at most this often, so a busy token does not write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

export async function findUserByApiToken(token: string): Promise<AuthUser | null> {
  if (!isApiTokenFormat(token)) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      lastUsedAt: apiTokens.lastUsedAt,
      id: users.id,
      email: users.email,
      name: users.name,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, sha256Hex(token)))
    .limit(1);
  if (!row) return null;
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.tokenId));
  }
  return { id: row.id, email: row.email, name: row.name, via: "token" };
}
