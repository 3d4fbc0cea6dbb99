/**
 * Turns what arrives on an `image`/`video` port (or an LLM's image list) into one of
 * the user's own assets: `/api/files/<id>`, the same path on any origin, a bare asset
 * id, or the remote URL recorded for one of their Transloadit assets. The URL is only
 * parsed, never fetched, so a workflow cannot make the server request arbitrary
 * addresses (SSRF); anything else is refused with a clear message.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "../db";
import { assets, type Asset } from "../db/schema";
import { AppError } from "../http/errors";
import { findOwnedAsset } from "./find-owned-asset";

const FILE_PATH = /^\/api\/files\/([A-Za-z0-9_-]{1,100})\/?$/;
const BARE_ID = /^[A-Za-z0-9_-]{8,100}$/;

/** The asset id named by a Galaxy file URL or a bare id; undefined for anything else. */
export function assetIdFromUrl(urlOrAssetId: string): string | undefined {
  const value = urlOrAssetId.trim();
  if (BARE_ID.test(value)) return value;
  let pathname: string;
  try {
    pathname = new URL(value, "http://galaxy.invalid").pathname;
  } catch {
    return undefined;
  }
  return FILE_PATH.exec(pathname)?.[1];
}

export async function resolveOwnedAsset(userId: string, urlOrAssetId: string): Promise<Asset> {
  const id = assetIdFromUrl(urlOrAssetId);
  if (id) {
    const asset = await findOwnedAsset(userId, id);
    if (!asset) throw new AppError("NOT_FOUND", `file ${id} not found (deleted, or not yours)`);
    return asset;
  }
  if (/^https:\/\//i.test(urlOrAssetId)) {
    const db = await getDb();
    const [asset] = await db
      .select()
      .from(assets)
      .where(and(eq(assets.userId, userId), eq(assets.remoteUrl, urlOrAssetId)))
      .limit(1);
    if (asset) return asset;
  }
  const shown = urlOrAssetId.length > 80 ? `${urlOrAssetId.slice(0, 77)}…` : urlOrAssetId;
  throw new AppError(
    "BAD_REQUEST",
    `"${shown}" is not a Galaxy file: use an image or video uploaded to Galaxy or made by a run (other URLs are never fetched)`,
  );
}
