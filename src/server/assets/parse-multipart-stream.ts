/**
 * A small streaming `multipart/form-data` parser (RFC 7578) over a Web stream: each
 * part's bytes go to a sink as they arrive, so a 500 MiB video never sits in memory
 * (only the bytes that might begin the next boundary are held back). The sink's
 * `write` is awaited, which gives back-pressure, and a sink that throws (too large,
 * wrong type) stops the parse at once and cancels the request body.
 */
import "server-only";
import { AppError } from "../http/errors";

export interface MultipartPartInfo {
  name: string;
  filename?: string;
  contentType?: string;
}

export interface MultipartSink {
  write(chunk: Buffer): Promise<void> | void;
  end(): Promise<void> | void;
}

export interface MultipartLimits {
  /** Every byte of the body, all parts and framing included; beyond it → 413. */
  maxTotalBytes: number;
  maxHeaderBytes?: number;
  maxParts?: number;
}

const CRLF = Buffer.from("\r\n");
const HEADER_END = Buffer.from("\r\n\r\n");

/** The boundary of a `multipart/form-data` Content-Type, or undefined for any other type. */
export function multipartBoundary(contentType: string | null): string | undefined {
  if (!contentType || !/^multipart\/form-data\s*(;|$)/i.test(contentType.trim())) return undefined;
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

const malformed = (why: string) => new AppError("BAD_REQUEST", `malformed multipart body: ${why}`);

class ChunkReader {
  buf: Buffer = Buffer.alloc(0);
  total = 0;
  done = false;

  constructor(
    private readonly reader: ReadableStreamDefaultReader<Uint8Array>,
    private readonly maxTotalBytes: number,
  ) {}

  /** Appends the next chunk; false at end of stream. */
  async more(): Promise<boolean> {
    if (this.done) return false;
    const { value, done } = await this.reader.read();
    if (done) {
      this.done = true;
      return false;
    }
    this.total += value.byteLength;
    if (this.total > this.maxTotalBytes) {
      throw new AppError("PAYLOAD_TOO_LARGE", `the upload is larger than ${formatBytes(this.maxTotalBytes)}`);
    }
    const chunk = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    return true;
  }

  async ensure(bytes: number): Promise<boolean> {
    while (this.buf.length < bytes) if (!(await this.more())) return false;
    return true;
  }

  consume(bytes: number): void {
    this.buf = this.buf.subarray(bytes);
  }
}

export async function parseMultipartStream(
  body: ReadableStream<Uint8Array>,
  boundary: string,
  onPart: (part: MultipartPartInfo) => MultipartSink | undefined,
  limits: MultipartLimits,
): Promise<void> {
  const { maxHeaderBytes = 16 * 1024, maxParts = 20 } = limits;
  const reader = body.getReader();
  const input = new ChunkReader(reader, limits.maxTotalBytes);
  const dashBoundary = Buffer.from(`--${boundary}`);
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  try {
    // Preamble: everything before the first boundary is ignored.
    for (;;) {
      const at = input.buf.indexOf(dashBoundary);
      if (at >= 0) {
        input.consume(at + dashBoundary.length);
        break;
      }
      if (input.buf.length > maxHeaderBytes) throw malformed("no boundary found");
      if (!(await input.more())) throw malformed("no boundary found");
    }
    for (let parts = 0; ; parts++) {
      // After a boundary: "--" ends the body, CRLF starts a part (linear whitespace may precede it).
      if (!(await input.ensure(2))) throw malformed("truncated after a boundary");
      if (input.buf[0] === 0x2d && input.buf[1] === 0x2d) return;
      while (input.buf[0] === 0x20 || input.buf[0] === 0x09) {
        input.consume(1);
        if (!(await input.ensure(2))) throw malformed("truncated after a boundary");
      }
      if (!input.buf.subarray(0, 2).equals(CRLF)) throw malformed("expected CRLF after a boundary");
      input.consume(2);
      if (parts >= maxParts) throw malformed(`more than ${maxParts} parts`);

      const info = await readPartHeaders(input, maxHeaderBytes);
      const sink = onPart(info);
      for (;;) {
        const at = input.buf.indexOf(delimiter);
        if (at >= 0) {
          if (sink && at > 0) await sink.write(input.buf.subarray(0, at));
          input.consume(at + delimiter.length);
          break;
        }
        // Hold back what could be the start of a delimiter split across chunks.
        const safe = input.buf.length - (delimiter.length - 1);
        if (safe > 0) {
          if (sink) await sink.write(input.buf.subarray(0, safe));
          input.consume(safe);
        }
        if (!(await input.more())) throw malformed("the body ended inside a part (upload interrupted?)");
      }
      if (sink) await sink.end();
    }
  } finally {
    if (!input.done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

async function readPartHeaders(input: ChunkReader, maxHeaderBytes: number): Promise<MultipartPartInfo> {
  if (!(await input.ensure(2))) throw malformed("truncated part headers");
  let raw = "";
  if (input.buf.subarray(0, 2).equals(CRLF)) {
    input.consume(2); // a part with no headers at all
  } else {
    for (;;) {
      const at = input.buf.indexOf(HEADER_END);
      if (at >= 0) {
        raw = input.buf.subarray(0, at).toString("utf8");
        input.consume(at + HEADER_END.length);
        break;
      }
      if (input.buf.length > maxHeaderBytes) throw malformed("part headers too long");
      if (!(await input.more())) throw malformed("truncated part headers");
    }
  }
  const headers = new Map<string, string>();
  for (const line of raw.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const disposition = headers.get("content-disposition") ?? "";
  if (!/^form-data\b/i.test(disposition)) throw malformed("a part without Content-Disposition: form-data");
  const params = dispositionParams(disposition);
  return { name: params.name ?? "", filename: params.filename, contentType: headers.get("content-type") };
}

/** `form-data; name="file"; filename="a \"b\".png"` → {name, filename}. */
function dispositionParams(value: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /;\s*([A-Za-z0-9_*-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    out[m[1].toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, "$1") : m[3].trim();
  }
  return out;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}
