/**
 * Reads the one file of a `multipart/form-data` request with @fastify/busboy, as a
 * stream: the file part reaches `receive` chunk by chunk, with back-pressure, so a
 * 500 MiB video never sits in memory. busboy holds the shape to its limits (one file,
 * a few small fields, bounded parts and headers, the file cut at `maxFileBytes`);
 * every refusal is a 4xx naming the problem and stops reading the body at once.
 * When this settles, `receive` has settled too, so the caller can clean up safely.
 */
import "server-only";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import Busboy, { type BusboyFileStream, type BusboyInstance } from "@fastify/busboy";
import { AppError } from "../http/errors";
import { formatBytes } from "./format-bytes";

/** The form field that carries the file. */
export const FILE_FIELD = "file";

export interface MultipartFileInfo {
  /** The client's name for the file (`filename`, or RFC 5987 `filename*` when alone), without its path. */
  filename?: string;
  /** The client's Content-Type for the part: a claim, never trusted for what the file is. */
  mimeType: string;
}

export interface MultipartFileOptions {
  maxFileBytes: number;
  /** The 413 for a file cut at `maxFileBytes` (the receiver may know a more precise one). */
  tooLarge?: () => AppError;
}

export const MULTIPART_LIMITS = {
  parts: 8,
  fields: 6,
  fieldBytes: 4 * 1024,
  headerBytes: 8 * 1024,
  headerPairs: 16,
};
/** Everything a body may hold besides the file: each part's headers and framing, and the small fields. */
const BODY_SLACK =
  MULTIPART_LIMITS.parts * (MULTIPART_LIMITS.headerBytes + 256) +
  MULTIPART_LIMITS.fields * MULTIPART_LIMITS.fieldBytes;

const badRequest = (message: string) => new AppError("BAD_REQUEST", message);
const uploadTooLarge = (maxFileBytes: number) =>
  new AppError("PAYLOAD_TOO_LARGE", `the upload is larger than ${formatBytes(maxFileBytes)}`);
const notMultipart = () =>
  new AppError(
    "UNSUPPORTED_MEDIA_TYPE",
    `send multipart/form-data with the file in a field named "${FILE_FIELD}"`,
  );

export async function readMultipartFile<T>(
  request: Request,
  options: MultipartFileOptions,
  receive: (file: BusboyFileStream, info: MultipartFileInfo) => Promise<T>,
): Promise<T> {
  const { maxFileBytes, tooLarge = () => uploadTooLarge(maxFileBytes) } = options;
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*(;|$)/i.test(contentType.trim())) throw notMultipart();
  // A declared length is refused before a byte is read; an undeclared one is counted below.
  const maxBodyBytes = maxFileBytes + BODY_SLACK;
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBodyBytes) throw uploadTooLarge(maxFileBytes);
  if (!request.body) throw badRequest("the request has no body");

  const busboy = createBusboy(contentType, maxFileBytes);
  const source = Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>);
  let file: BusboyFileStream | undefined;
  let received: Promise<T> | undefined;
  try {
    return await new Promise<T>((resolve, reject) => {
      busboy.on("file", (name, stream, filename, _encoding, mimeType) => {
        // Dicer reports a body that ends inside the part on the part's stream too.
        stream.on("error", (error) => reject(parseError(error)));
        if (name !== FILE_FIELD) {
          stream.resume();
          return reject(
            badRequest(`unexpected file in the field "${name}": send it in a field named "${FILE_FIELD}"`),
          );
        }
        stream.once("limit", () => stream.destroy(tooLarge()));
        file = stream;
        received = receive(stream, { filename: filename || undefined, mimeType });
        received.catch(reject);
      });
      busboy.on("filesLimit", () =>
        reject(badRequest(`send one file per upload, in a field named "${FILE_FIELD}"`)),
      );
      busboy.on("fieldsLimit", () =>
        reject(badRequest(`too many form fields: at most ${MULTIPART_LIMITS.fields} besides the file`)),
      );
      busboy.on("partsLimit", () => reject(badRequest(`too many parts: at most ${MULTIPART_LIMITS.parts}`)));
      busboy.on("error", (error) => reject(parseError(error)));
      busboy.on("finish", () => {
        if (!received) reject(badRequest(`no file: send it in a multipart field named "${FILE_FIELD}"`));
        else received.then(resolve, reject);
      });
      source.on("error", () => reject(badRequest("the upload was interrupted before it was complete")));
      // busboy bounds the file and the fields, not a preamble or epilogue: count every byte.
      let total = 0;
      source.on("data", (chunk: Buffer) => {
        total += chunk.length;
        if (total > maxBodyBytes) reject(uploadTooLarge(maxFileBytes));
      });
      source.pipe(busboy);
    });
  } finally {
    source.unpipe(busboy);
    source.destroy(); // cancels the request body if it is still coming
    busboy.destroy();
    // Wake a receiver still waiting for data, and let it finish before the caller cleans up.
    file?.destroy();
    await received?.catch(() => undefined);
  }
}

function createBusboy(contentType: string, maxFileBytes: number): BusboyInstance {
  const limits = MULTIPART_LIMITS;
  try {
    return Busboy({
      headers: { "content-type": contentType },
      limits: {
        fileSize: maxFileBytes,
        files: 1,
        fields: limits.fields,
        fieldSize: limits.fieldBytes,
        parts: limits.parts,
        headerPairs: limits.headerPairs,
        headerSize: limits.headerBytes,
      },
      // The `file` field is the file even without a filename (e.g. `curl -F "file=<photo.png"`).
      isPartAFile: (name, type, filename) =>
        name === FILE_FIELD || filename !== undefined || type === "application/octet-stream",
    });
  } catch {
    throw notMultipart(); // no boundary in the Content-Type
  }
}

function parseError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return badRequest(
    /unexpected end/i.test(message)
      ? "malformed multipart body: it ended before its closing boundary (upload interrupted?)"
      : `malformed multipart body: ${message}`,
  );
}
