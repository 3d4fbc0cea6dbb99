import "server-only";
import { env } from "../env";
import type { FileStorage, StorageName } from "./file-storage";
import { localStorage } from "./local-storage";
import { transloaditStorage } from "./transloadit-storage";

/** Where new files go: Transloadit when configured, else the local disk. */
export function getActiveStorage(): FileStorage {
  return env().transloaditEnabled ? transloaditStorage : localStorage;
}

/** The storage that holds an existing asset (by the name recorded on its row). */
export function getStorage(name: string): FileStorage {
  switch (name as StorageName) {
    case "local":
      return localStorage;
    case "transloadit":
      return transloaditStorage;
    default:
      throw new Error(`unknown storage ${JSON.stringify(name)}`);
  }
}
