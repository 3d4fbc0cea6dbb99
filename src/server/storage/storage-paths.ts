import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir } from "node:fs/promises";
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

/** A fresh, unused temp file path (the directory is created). */
export async function createTempPath(suffix = ".part"): Promise<string> {
  const dir = tempDir();
  await mkdir(dir, { recursive: true });
  return join(dir, `${randomBytes(16).toString("hex")}${suffix}`);
}

/** A random storage key, never derived from the user's file name: `ab/abcdef…<32 hex>.ext`. */
export function newStorageKey(ext: string | undefined): string {
  const id = randomBytes(16).toString("hex");
  return `${id.slice(0, 2)}/${id}${ext ? `.${ext}` : ""}`;
}
