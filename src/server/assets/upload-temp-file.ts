/**
 * An uploaded file on its way to disk: the first bytes are held back until they say
 * what the file is (magic bytes, never the name or the client's type), then everything
 * is hashed and written through to a temp file, and refused with 413 the moment it
 * passes the limit for its kind. `discard` removes whatever is left behind.
 */
import "server-only";
import { createHash } from "node:crypto";
import { open, rm, type FileHandle } from "node:fs/promises";
import type { Readable } from "node:stream";
import { AppError } from "../http/errors";
import { SNIFF_BYTES, sniffMediaType, type MediaKind, type SniffedType } from "../media/sniff-media-type";
import { createTempPath } from "../storage/storage-paths";
import { formatBytes } from "./format-bytes";

const ACCEPTED = "images (jpg, png, webp, gif) and videos (mp4, mov, webm, m4v)";

export interface ReceivedUpload {
  path: string;
  type: SniffedType;
  sha256: string;
}

export class UploadTempFile {
  private head: Buffer[] = [];
  private headBytes = 0;
  private written = 0;
  private type?: SniffedType;
  private path?: string;
  private file?: FileHandle;
  private readonly hash = createHash("sha256");

  constructor(private readonly limits: Record<MediaKind, number>) {}

  /** Writes the whole stream to a temp file; throws 415, 413 or 400 (empty) as soon as it knows. */
  async receive(stream: Readable): Promise<ReceivedUpload> {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (this.file) await this.append(chunk);
      else await this.hold(chunk);
    }
    if (!this.file) {
      if (this.headBytes === 0) throw new AppError("BAD_REQUEST", "the file is empty");
      await this.begin();
    }
    await this.file!.close();
    this.file = undefined;
    return { path: this.path!, type: this.type!, sha256: this.hash.digest("hex") };
  }

  /** The 413 for this file: by its kind once known ("images may be at most 20 MiB"). */
  tooLarge(): AppError {
    const kind = this.type?.kind;
    const limit = kind ? this.limits[kind] : Math.max(this.limits.image, this.limits.video);
    return new AppError(
      "PAYLOAD_TOO_LARGE",
      `${kind ? `${kind}s` : "files"} may be at most ${formatBytes(limit)}`,
    );
  }

  /** Closes and deletes the temp file if it is still ours (storeAssetFile consumes it on success). */
  async discard(): Promise<void> {
    await this.file?.close().catch(() => undefined);
    this.file = undefined;
    if (this.path) await rm(this.path, { force: true });
  }

  private async hold(chunk: Buffer): Promise<void> {
    this.head.push(chunk);
    this.headBytes += chunk.length;
    if (this.headBytes >= SNIFF_BYTES) await this.begin();
  }

  /** Sniffs the held head, opens the temp file and writes the head through. */
  private async begin(): Promise<void> {
    const head = Buffer.concat(this.head);
    this.head = [];
    this.type = sniffMediaType(head);
    if (!this.type)
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", `unsupported file type: Galaxy accepts ${ACCEPTED}`);
    this.path = await createTempPath();
    this.file = await open(this.path, "wx");
    await this.append(head);
  }

  private async append(chunk: Buffer): Promise<void> {
    this.written += chunk.length;
    if (this.written > this.limits[this.type!.kind]) throw this.tooLarge();
    this.hash.update(chunk);
    let offset = 0;
    while (offset < chunk.length) {
      const { bytesWritten } = await this.file!.write(chunk, offset);
      offset += bytesWritten;
    }
  }
}
