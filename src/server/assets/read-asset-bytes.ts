import "server-only";
import type { Asset } from "../db/schema";
import { streamChunks } from "../storage/file-stream";
import { getStorage } from "../storage/get-storage";
import { resolveOwnedAsset } from "./resolve-owned-asset";

/**
 * The bytes of one of the user's assets, named by URL (`/api/files/<id>`) or id.
 * Meant for images (the LLM executor sends them to models as bytes, the crop reads
 * them); for videos prefer `openAssetFile`, which does not load the file into memory.
 */
export async function readAssetBytes(
  userId: string,
  urlOrAssetId: string,
): Promise<{ bytes: Buffer; mime: string; asset: Asset }> {
  const asset = await resolveOwnedAsset(userId, urlOrAssetId);
  const stream = await getStorage(asset.storage).read(asset);
  const chunks: Buffer[] = [];
  for await (const chunk of streamChunks(stream)) chunks.push(Buffer.from(chunk));
  return { bytes: Buffer.concat(chunks), mime: asset.mime, asset };
}
