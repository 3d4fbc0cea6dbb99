import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "../db";
import { assets, type Asset } from "../db/schema";

/** The asset with this id if `userId` owns it; another user's asset is as absent as a missing one. */
export async function findOwnedAsset(userId: string, assetId: string): Promise<Asset | undefined> {
  if (!assetId || assetId.length > 100) return undefined;
  const db = await getDb();
  const [asset] = await db
    .select()
    .from(assets)
    .where(and(eq(assets.id, assetId), eq(assets.userId, userId)))
    .limit(1);
  return asset;
}
