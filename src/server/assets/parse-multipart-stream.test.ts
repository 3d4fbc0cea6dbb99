import { describe, expect, it } from "vitest";
import { AppError } from "../http/errors";
import { multipartBoundary, parseMultipartStream, type MultipartPartInfo } from "./parse-multipart-stream";

/** A stream that hands out `body` in chunks of `size` bytes (so boundaries straddle chunks). */
function chunked(body: Buffer, size: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= body.length) return controller.close();
      controller.enqueue(new Uint8Array(body.subarray(at, at + size)));
      at += size;
    },
  });
}

async function collect(body: Buffer, boundary: string, chunkSize: number, maxTotalBytes = 1 << 20) {
  const parts: (MultipartPartInfo & { data: Buffer })[] = [];
  await parseMultipartStream(
    chunked(body, chunkSize),
    boundary,
    (info) => {
      const part = { ...info, data: Buffer.alloc(0) };
      parts.push(part);
      return {
        write: (chunk) => {
          part.data = Buffer.concat([part.data, chunk]);
        },
        end: () => undefined,
      };
    },
    { maxTotalBytes },
  );
  return parts;
}

describe("parseMultipartStream", () => {
  const file = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7) % 256));
  const boundary = "----galaxyBoundary42";
  const body = Buffer.concat([
    Buffer.from(`preamble\r\n--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a \\"b\\".png"\r\nContent-Type: image/png\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\nepilogue`),
  ]);

  it.each([1, 7, 64, 4096, 1 << 20])("splits parts exactly with %i-byte chunks", async (size) => {
    const parts = await collect(body, boundary, size);
    expect(parts.map((p) => [p.name, p.filename, p.contentType])).toEqual([
      ["note", undefined, undefined],
      ["file", 'a "b".png', "image/png"],
    ]);
    expect(parts[0].data.toString()).toBe("hello");
    expect(parts[1].data.equals(file)).toBe(true);
  });

  it("rejects a truncated body and an oversized one", async () => {
    await expect(collect(body.subarray(0, body.length - 30), boundary, 100)).rejects.toThrow(/ended inside a part/);
    await expect(collect(body, boundary, 100, 1000)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    await expect(collect(Buffer.from("no boundary here"), boundary, 5)).rejects.toBeInstanceOf(AppError);
  });

  it("reads the boundary from the Content-Type", () => {
    expect(multipartBoundary("multipart/form-data; boundary=abc")).toBe("abc");
    expect(multipartBoundary('multipart/form-data; charset=utf-8; boundary="a b"')).toBe("a b");
    expect(multipartBoundary("application/json")).toBeUndefined();
    expect(multipartBoundary(null)).toBeUndefined();
  });
});
