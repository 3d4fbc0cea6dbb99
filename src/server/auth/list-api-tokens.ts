import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/server/db";
import { apiTokens } from "@/server/db/schema";

/** The caller's tokens, newest first: never the secret or its hash. */
export async function listApiTokens(userId: string) {
  const db = await getDb();
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}
