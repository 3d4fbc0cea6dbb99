import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/server/db";
import { apiTokens } from "@/server/db/schema";
import { notFound } from "@/server/http/errors";

/** Deletes one of the caller's tokens; another user's token id is "not found". */
export async function revokeApiToken(userId: string, tokenId: string): Promise<void> {
  const db = await getDb();
  const deleted = await db
    .delete(apiTokens)
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId)))
    .returning({ id: apiTokens.id });
  if (deleted.length === 0) throw notFound("token");
}
