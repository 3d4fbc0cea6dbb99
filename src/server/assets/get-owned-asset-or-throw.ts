import "server-only";
import type { Asset } from "../db/schema";
import { notFound } from "../http/errors";
import { findOwnedAsset } from "./find-owned-asset";

/** Like `findOwnedAsset`, but 404 (never 403: another user's id must not be revealed) when absent. */
export async function getOwnedAssetOrThrow(userId: string, assetId: string): Promise<Asset> {
  const asset = await findOwnedAsset(userId, assetId);
  if (!asset) throw notFound("file");
  return asset;
}
