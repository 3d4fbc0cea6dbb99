import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, readdir, rm, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { env } from "../env";

/** `GALAXY_DATA_DIR/files`: where local storage keeps files. */
export function filesDir(): string {
  return resolve(env().GALAXY_DATA_DIR, "files");
}

/** Temp files live beside the files (same file system) so a finished one is renamed into place atomically. */
export function tempDir(): string {
  return join(filesDir(), ".tmp");
}

/** Temp files older than this are leftovers of a crash (no upload or frame takes a day). */
const STALE_TEMP_MS = 24 * 60 * 60 * 1000;
const swept = globalThis as unknown as { __galaxyTempSwept?: Set<string> };

/** A fresh, unused temp file path (the directory is created; stale leftovers are swept once per process). */
export async function createTempPath(suffix = ".part"): Promise<string> {
  const dir = tempDir();
  await mkdir(dir, { recursive: true });
  swept.__galaxyTempSwept ??= new Set();
  if (!swept.__galaxyTempSwept.has(dir)) {
    swept.__galaxyTempSwept.add(dir);
    void sweepStaleTempFiles(dir);
  }
  return join(dir, `${randomBytes(16).toString("hex")}${suffix}`);
}

async function sweepStaleTempFiles(dir: string): Promise<void> {
  const cutoff = Date.now() - STALE_TEMP_MS;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (info?.isFile() && info.mtimeMs < cutoff) await rm(path, { force: true }).catch(() => undefined);
  }
}

/** A random storage key, never derived from the user's file name: `ab/abcdef…<32 hex>.ext`. */
export function newStorageKey(ext: string | undefined): string {
  const id = randomBytes(16).toString("hex");
  return `${id.slice(0, 2)}/${id}${ext ? `.${ext}` : ""}`;
}
