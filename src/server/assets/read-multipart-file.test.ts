import type { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { AppError } from "../http/errors";
import { MULTIPART_LIMITS, readMultipartFile } from "./read-multipart-file";

const B = "----galaxyBoundary42";
const file = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7) % 256));

const part = (disposition: string, data: string | Buffer, type?: string) =>
  Buffer.concat([
    Buffer.from(
      `--${B}\r\nContent-Disposition: ${disposition}\r\n${type ? `Content-Type: ${type}\r\n` : ""}\r\n`,
    ),
    Buffer.from(data),
    Buffer.from("\r\n"),
  ]);
const form = (...parts: Buffer[]) => Buffer.concat([...parts, Buffer.from(`--${B}--\r\n`)]);
const filePart = (disposition = 'form-data; name="file"; filename="a.png"') =>
  part(disposition, file, "image/png");

/** A request whose body is handed out in `chunk`-byte pieces (boundaries straddle them); records a cancel. */
function upload(body: Buffer, options: { chunk?: number; contentType?: string; length?: number } = {}) {
  const { chunk = 64 * 1024, contentType = `multipart/form-data; boundary=${B}` } = options;
  const state = { cancelled: false, pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const bytes = body.subarray(state.pulled, state.pulled + chunk);
      if (bytes.length === 0) return controller.close();
      state.pulled += bytes.length;
      controller.enqueue(new Uint8Array(bytes));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  const headers: Record<string, string> = { "content-type": contentType };
  if (options.length !== undefined) headers["content-length"] = String(options.length);
  // Node's fetch needs `duplex` for a streamed body; the DOM typings do not know it.
  const request = new Request("http://127.0.0.1:3000/api/uploads", {
    method: "POST",
    body: stream,
    headers,
    ...{ duplex: "half" },
  });
  return { request, state };
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const read = (request: Request, maxFileBytes = 1 << 20) =>
  readMultipartFile(request, { maxFileBytes }, async (stream, info) => ({
    data: await collect(stream),
    ...info,
  }));

/** The AppError a refused read rejects with. */
async function refusal(request: Request, maxFileBytes?: number): Promise<AppError> {
  const error = await read(request, maxFileBytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("readMultipartFile", () => {
  const body = Buffer.concat([
    Buffer.from("preamble\r\n"),
    form(
      part('form-data; name="note"', "hello"),
      filePart('form-data; name="file"; filename="a \\"b\\".png"'),
    ),
    Buffer.from("epilogue"),
  ]);

  it.each([1, 7, 4096, 1 << 20])(
    "streams the file part exactly with %i-byte chunks, skipping the other fields",
    async (size) => {
      const result = await read(upload(body, { chunk: size }).request);
      expect(result.data.equals(file)).toBe(true);
      expect(result).toMatchObject({ filename: 'a "b".png', mimeType: "image/png" });
    },
  );

  it.each([
    [
      "an RFC 5987 filename*",
      "form-data; name=\"file\"; filename*=UTF-8''%E2%82%AC%20rates.png",
      "€ rates.png",
    ],
    ["a raw UTF-8 filename", 'form-data; name="file"; filename="näme 写真.png"', "näme 写真.png"],
    ["a path", 'form-data; name="file"; filename="../../etc/x.png"', "x.png"],
    ["no filename at all", 'form-data; name="file"', undefined],
  ])("keeps the file name from %s", async (_, disposition, expected) => {
    const result = await read(upload(form(part(disposition, file))).request);
    expect(result.filename).toBe(expected);
    expect(result.data.equals(file)).toBe(true);
  });

  it.each([
    [
      "a JSON body",
      upload(Buffer.from("{}"), { contentType: "application/json" }),
      415,
      /send multipart\/form-data/,
    ],
    [
      "a multipart type without a boundary",
      upload(form(filePart()), { contentType: "multipart/form-data" }),
      415,
      /multipart/,
    ],
    [
      "a declared length beyond every limit",
      upload(form(filePart()), { length: 1 << 30 }),
      413,
      /larger than 1 MiB/,
    ],
    [
      "no file field",
      upload(form(part('form-data; name="note"', "hi"))),
      400,
      /no file: send it in a multipart field named "file"/,
    ],
    ["a second file", upload(form(filePart(), filePart())), 400, /one file per upload/],
    [
      "a file under another name",
      upload(form(filePart('form-data; name="photo"; filename="a.png"'))),
      400,
      /field "photo"/,
    ],
    [
      "a truncated body",
      upload(form(filePart()).subarray(0, 3000)),
      400,
      /ended before its closing boundary/,
    ],
  ])("refuses %s", async (_, { request }, status, message) => {
    const error = await refusal(request);
    expect(error.status).toBe(status);
    expect(error.message).toMatch(message);
  });

  it("refuses too many fields and too many parts", async () => {
    const fields = Array.from({ length: MULTIPART_LIMITS.fields + 1 }, (_, i) =>
      part(`form-data; name="f${i}"`, "x"),
    );
    expect((await refusal(upload(form(...fields, filePart())).request)).message).toMatch(
      /too many form fields/,
    );

    // Parts without a Content-Disposition are skipped, but still count.
    const junk = Array.from({ length: MULTIPART_LIMITS.parts }, () =>
      Buffer.from(`--${B}\r\nX-Junk: 1\r\n\r\njunk\r\n`),
    );
    expect((await refusal(upload(form(filePart(), ...junk)).request)).message).toMatch(
      /too many parts: at most 8/,
    );
  });

  it("cuts a file beyond maxFileBytes with a 413 (the caller's, when it gives one) and stops reading", async () => {
    const big = upload(form(filePart()), { chunk: 512 });
    const error = await refusal(big.request, 1000);
    expect(error).toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      message: "the upload is larger than 1000 bytes",
    });
    expect(big.state.cancelled).toBe(true);
    expect(big.state.pulled).toBeLessThan(4000);

    const precise = readMultipartFile(
      upload(form(filePart())).request,
      {
        maxFileBytes: 1000,
        tooLarge: () => new AppError("PAYLOAD_TOO_LARGE", "images may be at most 1000 bytes"),
      },
      collect,
    );
    await expect(precise).rejects.toThrow("images may be at most 1000 bytes");
  });

  it("counts every byte: a 4 MiB preamble (busboy skips it) is a 413 long before its end", async () => {
    const padded = upload(
      Buffer.concat([Buffer.alloc(4 << 20, "x"), Buffer.from("\r\n"), form(filePart())]),
      { chunk: 16 * 1024 },
    );
    expect((await refusal(padded.request, 1000)).code).toBe("PAYLOAD_TOO_LARGE");
    expect(padded.state.cancelled).toBe(true);
    expect(padded.state.pulled).toBeLessThan(1 << 20);
  });

  it("has let the receiver settle when it rejects, and passes the receiver's own error through", async () => {
    let settled = false;
    const slow = readMultipartFile(
      upload(form(filePart(), filePart()), { chunk: 100 }).request,
      { maxFileBytes: 1 << 20 },
      async (stream) => {
        try {
          for await (const _ of stream) await new Promise((resolve) => setTimeout(resolve, 1));
        } finally {
          settled = true;
        }
      },
    );
    await expect(slow).rejects.toThrow(/one file per upload/);
    expect(settled).toBe(true);

    const refused = readMultipartFile(
      upload(form(filePart())).request,
      { maxFileBytes: 1 << 20 },
      async () => {
        throw new AppError("UNSUPPORTED_MEDIA_TYPE", "not an image");
      },
    );
    await expect(refused).rejects.toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
  });
});
