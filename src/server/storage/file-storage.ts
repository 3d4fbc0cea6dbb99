/**
 * One interface for where asset bytes live. Every asset is first written to a temp
 * file (streamed, counted, sniffed, probed), then handed to a storage with `putFile`,
 * which takes ownership of the temp file. Reads go through the storage named on the
 * asset row, so switching configuration never strands old files.
 */
export type StorageName = "local" | "transloadit";

export interface StoredFile {
  storage: StorageName;
  storageKey: string;
  /** Where the bytes can be fetched from (remote storages only). */
  remoteUrl: string | null;
}

export interface StoredRef {
  storageKey: string;
  remoteUrl: string | null;
}

export interface ByteRange {
  /** Inclusive. */
  start: number;
  /** Inclusive. */
  end: number;
}

export interface PutFileOptions {
  mime: string;
  ext?: string;
  signal?: AbortSignal;
}

export interface FileStorage {
  readonly name: StorageName;
  /** Moves a complete temp file into storage; the temp file is gone afterwards, success or not. */
  putFile(tempPath: string, options: PutFileOptions): Promise<StoredFile>;
  /** A stream of the stored bytes, or of one inclusive range of them. */
  read(ref: StoredRef, range?: ByteRange): Promise<ReadableStream<Uint8Array>>;
  /** Removes the stored bytes; a file already gone is not an error. */
  remove(ref: StoredRef): Promise<void>;
  /** The path on this machine's disk, when the storage is local. */
  localPath(ref: StoredRef): string | undefined;
}
