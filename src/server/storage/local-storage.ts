/**
 * Local disk under `GALAXY_DATA_DIR/files`, random names (`ab/<hex>.ext`). A file
 * appears by `rename` of a finished temp file on the same file system, so a crash
 * leaves either no file or a whole one (temp leftovers are swept by age).
 */
import "server-only";
import { mkdir, rename, rm } from "node:fs/promises";
import { dirname, resolve, sep } from "node:path";
import type { ByteRange, FileStorage, PutFileOptions, StoredFile, StoredRef } from "./file-storage";
import { fileReadableStream } from "./file-stream";
import { filesDir, newStorageKey } from "./storage-paths";

function pathOf(storageKey: string): string {
  const root = filesDir();
  const path = resolve(root, storageKey);
  // Keys are ours, but a row edited by hand must still never reach outside the files directory.
  if (!path.startsWith(root + sep)) throw new Error(`invalid storage key ${JSON.stringify(storageKey)}`);
  return path;
}

export const localStorage: FileStorage = {
  name: "local",

  async putFile(tempPath: string, options: PutFileOptions): Promise<StoredFile> {
    const storageKey = newStorageKey(options.ext);
    const target = pathOf(storageKey);
    try {
      await mkdir(dirname(target), { recursive: true });
      await rename(tempPath, target);
    } catch (error) {
      await rm(tempPath, { force: true });
      throw error;
    }
    return { storage: "local", storageKey, remoteUrl: null };
  },

  read(ref: StoredRef, range?: ByteRange) {
    return fileReadableStream(pathOf(ref.storageKey), range?.start ?? 0, range?.end);
  },

  async remove(ref: StoredRef) {
    await rm(pathOf(ref.storageKey), { force: true });
  },

  localPath(ref: StoredRef) {
    return pathOf(ref.storageKey);
  },
};

