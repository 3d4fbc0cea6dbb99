/** Resolves `Authorization: Bearer gxy_…` to its user, and notes when the token was last used. */
import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/server/db";
import { perDatabase } from "@/server/db/per-database";
import { prepareByName } from "@/server/db/prepare-by-name";
import { apiTokens, users } from "@/server/db/schema";
import type { AuthUser } from "./authenticate-request";
import { isApiTokenFormat } from "./api-token-format";
import { sha256Hex } from "./secrets";
import { AUTH_USER_COLUMNS, isDueForTouch } from "./credential-lookup";

/** Built once per database: every API request runs it. */
const lookup = perDatabase((db) =>
  prepareByName(
    db
      .select({ tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt, ...AUTH_USER_COLUMNS })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(eq(apiTokens.tokenHash, sql.placeholder("tokenHash")))
      .limit(1),
    "galaxy_user_by_api_token",
  ),
);

export async function findUserByApiToken(token: string): Promise<AuthUser | null> {
  if (!isApiTokenFormat(token)) return null;
  const db = await getDb();
  const [row] = await lookup(db).execute({ tokenHash: sha256Hex(token) });
  if (!row) return null;
  const now = Date.now();
  if (isDueForTouch(row.lastUsedAt, now))
    await db
      .update(apiTokens)
      .set({ lastUsedAt: new Date(now) })
      .where(eq(apiTokens.id, row.tokenId));
  return { id: row.id, email: row.email, name: row.name, via: "token", tokenId: row.tokenId };
}
