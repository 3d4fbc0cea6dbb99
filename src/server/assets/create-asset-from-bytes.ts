/**
 * Stores bytes produced on the server (a crop, a frame) as an Asset. The bytes are
 * sniffed like an upload, so a caller's wrong `mime` is caught rather than recorded.
 */
import "server-only";
import { createHash } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import type { Asset } from "../db/schema";
import { sniffMediaType, type MediaKind } from "../media/sniff-media-type";
import { createTempPath } from "../storage/storage-paths";
import { storeAssetFile } from "./store-asset-file";

export interface CreateAssetFromBytesOptions {
  kind: MediaKind;
  mime: string;
  source: "upload" | "generated";
  runId?: string | null;
  originalName?: string | null;
  signal?: AbortSignal;
}

export async function createAssetFromBytes(userId: string, bytes: Buffer, options: CreateAssetFromBytesOptions): Promise<Asset> {
  const type = sniffMediaType(bytes.subarray(0, 4096));
  if (!type || type.kind !== options.kind || type.mime !== options.mime) {
    throw new Error(`createAssetFromBytes: the bytes are ${type ? type.mime : "of an unsupported type"}, not ${options.mime}`);
  }
  const path = await createTempPath();
  await writeFile(path, bytes, { flag: "wx" }).catch(async (error: unknown) => {
    await rm(path, { force: true });
    throw error;
  });
  return storeAssetFile(userId, path, {
    type,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    source: options.source,
    runId: options.runId,
    originalName: options.originalName,
    signal: options.signal,
  });
}
