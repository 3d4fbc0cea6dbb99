/**
 * `POST /api/uploads`: streams the multipart field `file` to a temp file while
 * counting bytes and hashing, decides the type from the first bytes (never the name
 * or the client's mime), stops with 413 the moment the size limit for that type is
 * passed (or at once, from Content-Length), and stores it as an Asset. On any failure
 * the temp file is deleted and no row is written.
 */
import "server-only";
import { createHash, type Hash } from "node:crypto";
import { open, rm, type FileHandle } from "node:fs/promises";
import type { Asset } from "../db/schema";
import { env } from "../env";
import { AppError } from "../http/errors";
import { SNIFF_BYTES, sniffMediaType, type SniffedType } from "../media/sniff-media-type";
import { createTempPath } from "../storage/storage-paths";
import { formatBytes, multipartBoundary, parseMultipartStream, type MultipartSink } from "./parse-multipart-stream";
import { storeAssetFile } from "./store-asset-file";

/** Room for the multipart framing and small extra fields around the file. */
const MULTIPART_SLACK = 64 * 1024;

const ACCEPTED = "images (jpg, png, webp, gif) and videos (mp4, mov, webm, m4v)";

export async function createAssetFromUpload(userId: string, request: Request): Promise<Asset> {
  const config = env();
  const limits = { image: config.GALAXY_MAX_IMAGE_BYTES, video: config.GALAXY_MAX_VIDEO_BYTES };
  const maxTotalBytes = Math.max(limits.image, limits.video) + MULTIPART_SLACK;

  const boundary = multipartBoundary(request.headers.get("content-type"));
  if (!boundary) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "send multipart/form-data with the file in a field named \"file\"");
  }
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxTotalBytes) {
    throw new AppError("PAYLOAD_TOO_LARGE", `the upload is larger than ${formatBytes(maxTotalBytes - MULTIPART_SLACK)}`);
  }
  if (!request.body) throw new AppError("BAD_REQUEST", "the request has no body");

  const sink = new UploadSink(limits);
  try {
    await parseMultipartStream(
      request.body,
      boundary,
      (part) => {
        if (part.name !== "file" || sink.started) return undefined;
        sink.started = true;
        sink.originalName = part.filename;
        return sink;
      },
      { maxTotalBytes },
    );
    if (!sink.started) throw new AppError("BAD_REQUEST", "no file: send it in a multipart field named \"file\"");
    if (!sink.finished || !sink.type || !sink.path) throw new AppError("BAD_REQUEST", "the file is empty");
    return await storeAssetFile(userId, sink.path, {
      type: sink.type,
      sha256: sink.sha256!,
      source: "upload",
      originalName: sink.originalName,
    });
  } finally {
    await sink.discard();
  }
}

/** Receives the file part: buffers only the first bytes (to sniff), then writes through to disk. */
class UploadSink implements MultipartSink {
  started = false;
  finished = false;
  originalName?: string;
  type?: SniffedType;
  path?: string;
  sha256?: string;
  private head: Buffer[] = [];
  private headBytes = 0;
  private written = 0;
  private file?: FileHandle;
  private hash: Hash = createHash("sha256");

  constructor(private readonly limits: { image: number; video: number }) {}

  async write(chunk: Buffer): Promise<void> {
    if (!this.type) {
      this.head.push(chunk);
      this.headBytes += chunk.length;
      if (this.headBytes < SNIFF_BYTES) return;
      await this.begin();
      return;
    }
    await this.append(chunk);
  }

  async end(): Promise<void> {
    if (!this.type) {
      if (this.headBytes === 0) return; // empty file: reported by the caller
      await this.begin();
    }
    await this.file!.close();
    this.file = undefined;
    this.sha256 = this.hash.digest("hex");
    this.finished = true;
  }

  /** Sniffs the buffered head, opens the temp file and writes the head through. */
  private async begin(): Promise<void> {
    const head = Buffer.concat(this.head);
    this.head = [];
    const type = sniffMediaType(head);
    if (!type) throw new AppError("UNSUPPORTED_MEDIA_TYPE", `unsupported file type: Galaxy accepts ${ACCEPTED}`);
    this.type = type;
    this.path = await createTempPath();
    this.file = await open(this.path, "wx");
    await this.append(head);
  }

  private async append(chunk: Buffer): Promise<void> {
    this.written += chunk.length;
    const limit = this.limits[this.type!.kind];
    if (this.written > limit) {
      throw new AppError("PAYLOAD_TOO_LARGE", `${this.type!.kind === "image" ? "images" : "videos"} may be at most ${formatBytes(limit)}`);
    }
    this.hash.update(chunk);
    let offset = 0;
    while (offset < chunk.length) {
      const { bytesWritten } = await this.file!.write(chunk, offset);
      offset += bytesWritten;
    }
  }

  /** Closes and deletes the temp file if it is still ours (storeAssetFile consumes it on success). */
  async discard(): Promise<void> {
    await this.file?.close().catch(() => undefined);
    this.file = undefined;
    if (this.path) await rm(this.path, { force: true });
  }
}
