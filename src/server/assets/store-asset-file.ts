/**
 * The last step every asset takes: a complete temp file (already sniffed) is probed
 * for its dimensions or duration, handed to the active storage, and recorded as an
 * Asset row. Any failure removes the temp file and whatever was stored: either the
 * row and its bytes both exist, or neither does.
 */
import "server-only";
import { rm, stat } from "node:fs/promises";
import { getDb } from "../db";
import { assets, type Asset } from "../db/schema";
import { AppError } from "../http/errors";
import { probeVideo } from "../media/probe-video";
import { readImageInfo } from "../media/read-image-info";
import type { SniffedType } from "../media/sniff-media-type";
import { getActiveStorage } from "../storage/get-storage";
import { TransloaditError } from "../storage/transloadit-storage";

/** sharp's format names for the mime types Galaxy accepts. */
const SHARP_FORMAT: Record<string, string> = {
  "image/jpeg": "jpeg",
  "image/png": "png",
  "image/gif": "gif",
  "image/webp": "webp",
};

export interface StoreAssetFacts {
  type: SniffedType;
  sha256: string;
  source: "upload" | "generated";
  runId?: string | null;
  originalName?: string | null;
  signal?: AbortSignal;
}

export async function storeAssetFile(userId: string, tempPath: string, facts: StoreAssetFacts): Promise<Asset> {
  try {
    const { size } = await stat(tempPath);
    const measured = await measure(tempPath, facts.type, facts.signal);
    const stored = await getActiveStorage()
      .putFile(tempPath, { mime: facts.type.mime, ext: facts.type.ext, signal: facts.signal })
      .catch((error: unknown) => {
        // A storage service's refusal is an outage for the user, not a bug: 503 with its reason.
        if (error instanceof TransloaditError) throw new AppError("UNAVAILABLE", `file storage failed: ${error.message}`);
        throw error;
      });
    try {
      const db = await getDb();
      const [asset] = await db
        .insert(assets)
        .values({
          userId,
          kind: facts.type.kind,
          mime: facts.type.mime,
          size,
          ...measured,
          storage: stored.storage,
          storageKey: stored.storageKey,
          remoteUrl: stored.remoteUrl,
          originalName: cleanName(facts.originalName),
          sha256: facts.sha256,
          source: facts.source,
          runId: facts.runId ?? null,
        })
        .returning();
      return asset;
    } catch (error) {
      await getActiveStorage().remove(stored).catch(() => undefined);
      throw error;
    }
  } finally {
    await rm(tempPath, { force: true });
  }
}

async function measure(path: string, type: SniffedType, signal?: AbortSignal) {
  if (type.kind === "image") {
    const info = await readImageInfo(path);
    if (!info || info.format !== SHARP_FORMAT[type.mime]) {
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", `the file starts like ${type.ext.toUpperCase()} but is not a readable image`);
    }
    return { width: info.width, height: info.height, durationMs: null };
  }
  const info = await probeVideo(path, { signal, timeoutMs: 60_000 });
  if (!info) throw new AppError("UNSUPPORTED_MEDIA_TYPE", "the file has no video stream that can be decoded");
  return { width: info.width, height: info.height, durationMs: info.durationMs };
}

/** Kept for display only (never used on disk): no paths, no control characters, bounded. */
function cleanName(name: string | null | undefined): string | null {
  if (!name) return null;
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return base ? base.slice(0, 255) : null;
}
