import "server-only";
import { open, rm } from "node:fs/promises";
import type { Asset } from "../db/schema";
import { streamChunks } from "../storage/file-stream";
import { getStorage } from "../storage/get-storage";
import { createTempPath } from "../storage/storage-paths";
import { resolveOwnedAsset } from "./resolve-owned-asset";

export interface OpenedAssetFile {
  /** A path on this machine's disk that holds the asset's bytes until `release`. */
  path: string;
  asset: Asset;
  release(): Promise<void>;
}

/**
 * One of the user's assets as a file on disk (ffmpeg wants a path): the stored file
 * itself for local storage, or a temp download of a remote one (deleted by `release`).
 */
export async function openAssetFile(userId: string, urlOrAssetId: string, signal?: AbortSignal): Promise<OpenedAssetFile> {
  const asset = await resolveOwnedAsset(userId, urlOrAssetId);
  const storage = getStorage(asset.storage);
  const local = storage.localPath(asset);
  if (local) return { path: local, asset, release: async () => undefined };

  const path = await createTempPath(`.${asset.mime.split("/")[1] ?? "bin"}`);
  const release = () => rm(path, { force: true });
  try {
    const file = await open(path, "wx");
    try {
      for await (const chunk of streamChunks(await storage.read(asset))) {
        signal?.throwIfAborted();
        await file.write(chunk);
      }
    } finally {
      await file.close();
    }
  } catch (error) {
    await release();
    throw error;
  }
  return { path, asset, release };
}
