import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/server/db";
import { sessions } from "@/server/db/schema";
import { sha256Hex } from "./secrets";

/** Ends the session whose cookie secret this is (no-op when there is none). */
export async function deleteSession(secret: string): Promise<void> {
  const db = await getDb();
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256Hex(secret)));
}
