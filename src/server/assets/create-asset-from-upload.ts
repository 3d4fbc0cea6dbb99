/**
 * `POST /api/uploads`: streams the multipart field `file` (parsed by busboy) to a temp
 * file, typed by its first bytes and hashed on the way, and stores it as an Asset.
 * On any failure (refused, too large, interrupted) the temp file is deleted and no
 * row is written.
 */
import "server-only";
import type { Asset } from "../db/schema";
import { env } from "../env";
import { readMultipartFile } from "./read-multipart-file";
import { storeAssetFile } from "./store-asset-file";
import { UploadTempFile } from "./upload-temp-file";

export async function createAssetFromUpload(userId: string, request: Request): Promise<Asset> {
  const config = env();
  const limits = { image: config.GALAXY_MAX_IMAGE_BYTES, video: config.GALAXY_MAX_VIDEO_BYTES };
  const upload = new UploadTempFile(limits);
  try {
    const { path, type, sha256, originalName } = await readMultipartFile(
      request,
      { maxFileBytes: Math.max(limits.image, limits.video), tooLarge: () => upload.tooLarge() },
      async (file, info) => ({ ...(await upload.receive(file)), originalName: info.filename }),
    );
    return await storeAssetFile(userId, path, { type, sha256, source: "upload", originalName });
  } finally {
    await upload.discard();
  }
}
