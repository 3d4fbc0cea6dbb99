import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { POST as upload } from "@/app/api/uploads/route";
import { GET as getFile } from "@/app/api/files/[id]/route";
import { useDatabase } from "@/server/db";
import { assets } from "@/server/db/schema";
import { resetEnvCache } from "@/server/env";
import { createTestDatabase, testEngine, type TestDatabase } from "../helpers/test-database";
import { callRoute } from "../helpers/call-route";
import { createTestUser, type TestUser } from "../helpers/test-user";
import { boxImage, makeVideo, tempDataDir, removeTempDirs } from "./media-fixtures";

let t: TestDatabase;
let dataDir: string;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t.handle);
  dataDir = tempDataDir();
  resetEnvCache({ GALAXY_DATA_DIR: dataDir });
  alice = await createTestUser();
  bob = await createTestUser();
});
afterAll(async () => {
  resetEnvCache();
  removeTempDirs();
  await t?.drop();
});

function form(bytes: Uint8Array, name: string, type = "application/octet-stream") {
  const body = new FormData();
  body.append("file", new Blob([new Uint8Array(bytes)], { type }), name);
  return body;
}

const post = (body: FormData | string, user: TestUser = alice, headers: Record<string, string> = {}) =>
  callRoute(upload, "/api/uploads", { method: "POST", body, headers: { ...user.headers, ...headers } });

const fetchFile = (id: string, user: TestUser = alice, headers: Record<string, string> = {}) =>
  callRoute(getFile, `/api/files/${id}`, { headers: { ...user.headers, ...headers }, params: { id } });

/** Every file under the data dir's files/ (temp files included). */
function storedFiles(): string[] {
  const root = join(dataDir, "files");
  const walk = (dir: string): string[] => {
    let entries: string[] = [];
    try {
      entries = readdirSync(dir);
    } catch {
      return [];
    }
    return entries.flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  };
  return walk(root);
}

const assetRows = async (userId: string) => t.handle.db.select().from(assets).where(eq(assets.userId, userId));

/** Files on disk and alice's rows, to show a refused upload left nothing behind. */
const leftovers = async () => ({ files: storedFiles().length, rows: (await assetRows(alice.user.id)).length });

/** A hand-written multipart body, for what FormData cannot say (filename*, junk parts, a cut body). */
const BOUNDARY = "galaxyTestBoundary";
const rawPart = (disposition: string, data: string | Uint8Array, type = "application/octet-stream") =>
  Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\nContent-Type: ${type}\r\n\r\n`),
    Buffer.from(data),
    Buffer.from("\r\n"),
  ]);
const rawForm = (...parts: Buffer[]) => Buffer.concat([...parts, Buffer.from(`--${BOUNDARY}--\r\n`)]);
/**
 * Sends `body` in 4 KiB pieces, as a network would, so the file is being written when a
 * later part arrives; with `abortAt`, the client goes away after that many bytes.
 */
async function postRaw(body: Buffer, abortAt?: number) {
  let at = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (abortAt !== undefined && at >= abortAt) return controller.error(new Error("the client went away"));
      if (at >= body.length) return controller.close();
      controller.enqueue(new Uint8Array(body.subarray(at, (at += 4096))));
    },
  });
  const { NextRequest } = await import("next/server");
  const req = new NextRequest("http://127.0.0.1:3000/api/uploads", {
    method: "POST",
    body: stream,
    headers: { ...alice.headers, "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
    ...{ duplex: "half" },
  });
  const res = await upload(req, { params: Promise.resolve({}) });
  return { status: res.status, json: (await res.json()) as Record<string, any> };
}

describe(`POST /api/uploads on ${testEngine}`, () => {
  it("answers 401 without credentials", async () => {
    const res = await callRoute(upload, "/api/uploads", { method: "POST", body: form(Buffer.from("x"), "a.png") });
    expect(res.status).toBe(401);
  });

  it("stores an image: type from its bytes, dimensions measured, random name on disk", async () => {
    const png = await boxImage(64, 48, { left: 0, top: 0, width: 8, height: 8 });
    // The client claims a wrong type and name; the content decides.
    const res = await post(form(png, "../../etc/My Photo.JPG", "text/plain"));
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      success: true,
      asset: { kind: "image", mime: "image/png", size: png.length, width: 64, height: 48, durationMs: null, originalName: "My Photo.JPG" },
    });
    const asset = res.json!.asset;
    expect(asset.url).toBe(`/api/files/${asset.id}`);
    expect(Object.keys(asset).sort()).toEqual(
      ["createdAt", "durationMs", "height", "id", "kind", "mime", "originalName", "size", "url", "width"].sort(),
    );
    const files = storedFiles();
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/files\/[0-9a-f]{2}\/[0-9a-f]{32}\.png$/);
    expect(files[0]).not.toContain("Photo");
  });

  it("stores videos (MP4 with duration, WebM)", async () => {
    const dir = tempDataDir();
    const mp4 = await makeVideo(dir, { seconds: 2, size: "320x180", audio: true });
    const res = await post(form(mp4.bytes, "clip.mp4", "video/mp4"));
    expect(res.status).toBe(201);
    expect(res.json!.asset).toMatchObject({ kind: "video", mime: "video/mp4", width: 320, height: 180 });
    expect(Math.abs(res.json!.asset.durationMs - 2000)).toBeLessThan(150);

    const webm = await makeVideo(dir, { seconds: 1, size: "160x90", format: "webm" });
    const res2 = await post(form(webm.bytes, "clip.webm"));
    expect(res2.status).toBe(201);
    expect(res2.json!.asset).toMatchObject({ kind: "video", mime: "video/webm", width: 160, height: 90 });
  });

  it("a .png name with executable content → 415, nothing on disk or in the database", async () => {
    const before = { files: storedFiles().length, rows: (await assetRows(alice.user.id)).length };
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), randomBytes(20_000)]);
    const res = await post(form(elf, "cat.png", "image/png"));
    expect(res.status).toBe(415);
    expect(res.json).toMatchObject({ success: false, code: "UNSUPPORTED_MEDIA_TYPE" });
    expect(res.json!.error).toMatch(/unsupported file type/);
    expect(storedFiles().length).toBe(before.files);
    expect((await assetRows(alice.user.id)).length).toBe(before.rows);
  });

  it("PNG magic bytes followed by garbage → 415 (the decoder must agree), nothing left", async () => {
    const before = storedFiles().length;
    const fake = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(10_000)]);
    const res = await post(form(fake, "fake.png"));
    expect(res.status).toBe(415);
    expect(storedFiles().length).toBe(before);
  });

  it("a 21 MiB image → 413 while streaming, no leftover file, no row", async () => {
    const before = { files: storedFiles().length, rows: (await assetRows(alice.user.id)).length };
    const png = await boxImage(16, 16, { left: 0, top: 0, width: 1, height: 1 });
    const big = Buffer.concat([png, Buffer.alloc(21 * 1024 * 1024 - png.length, 7)]);
    const res = await post(form(big, "big.png", "image/png"));
    expect(res.status).toBe(413);
    expect(res.json).toMatchObject({ success: false, code: "PAYLOAD_TOO_LARGE" });
    expect(res.json!.error).toMatch(/images may be at most 20 MiB/);
    expect(storedFiles().length).toBe(before.files);
    expect((await assetRows(alice.user.id)).length).toBe(before.rows);
  });

  it("a declared Content-Length beyond every limit → 413 before reading", async () => {
    const res = await post("--x--\r\n", alice, {
      "content-type": "multipart/form-data; boundary=x",
      "content-length": String(600 * 1024 * 1024),
    });
    expect(res.status).toBe(413);
  });

  it("streams: a 200 MiB upload never holds more than a few MiB of it in memory", async () => {
    const total = 200 * 1024 * 1024;
    const boundary = "streamBoundary";
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.mp4"\r\nContent-Type: video/mp4\r\n\r\n`,
    );
    // An ftyp box (sniffs as MP4) followed by zeros: accepted while streaming, refused by the probe at the end.
    const ftyp = Buffer.from([0, 0, 0, 16, ...Buffer.from("ftypisom"), 0, 0, 2, 0]);
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const chunk = Buffer.alloc(1024 * 1024);
    let sent = 0;
    let peak = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        peak = Math.max(peak, process.memoryUsage().arrayBuffers);
        if (sent === 0) controller.enqueue(new Uint8Array(Buffer.concat([head, ftyp])));
        if (sent >= total) {
          controller.enqueue(new Uint8Array(tail));
          return controller.close();
        }
        controller.enqueue(new Uint8Array(chunk));
        sent += chunk.length;
      },
    });
    const baseline = process.memoryUsage().arrayBuffers;
    const { NextRequest } = await import("next/server");
    const req = new NextRequest("http://127.0.0.1:3000/api/uploads", {
      method: "POST",
      body,
      headers: { ...alice.headers, "content-type": `multipart/form-data; boundary=${boundary}` },
      // Node's fetch needs `duplex` for a streamed body; the DOM typings do not know it.
      ...{ duplex: "half" },
    });
    const before = storedFiles().length;
    const res = await upload(req, { params: Promise.resolve({}) });
    expect(res.status).toBe(415); // zeros are not a decodable video
    expect(sent).toBe(total);
    expect(peak - baseline).toBeLessThan(48 * 1024 * 1024);
    expect(storedFiles().length).toBe(before);
  });

  it("limits are configurable", async () => {
    resetEnvCache({ GALAXY_DATA_DIR: dataDir, GALAXY_MAX_IMAGE_BYTES: "1000" });
    try {
      const png = await boxImage(64, 64, { left: 0, top: 0, width: 8, height: 8 });
      const noisy = Buffer.concat([png, randomBytes(2000)]);
      expect((await post(form(noisy, "a.png"))).status).toBe(413);
    } finally {
      resetEnvCache({ GALAXY_DATA_DIR: dataDir });
    }
  });

  it("refuses a request that is not multipart, one without a file field, and an empty file", async () => {
    const json = await callRoute(upload, "/api/uploads", { method: "POST", body: { file: "x" }, headers: alice.headers });
    expect(json.status).toBe(415);
    const noFile = new FormData();
    noFile.append("other", "value");
    expect((await post(noFile)).json).toMatchObject({ code: "BAD_REQUEST", error: expect.stringMatching(/no file/) });
    expect((await post(form(new Uint8Array(0), "empty.png"))).status).toBe(400);
  });
});

describe(`POST /api/uploads multipart handling (busboy) on ${testEngine}`, () => {
  let png: Buffer;
  /** Past the sniffed head, so a temp file is open when a refusal comes. */
  let longPng: Buffer;
  beforeAll(async () => {
    png = await boxImage(32, 32, { left: 0, top: 0, width: 4, height: 4 });
    longPng = Buffer.concat([png, randomBytes(40_000)]);
  });
  const filePart = (data: Buffer, name = "a.png") => rawPart(`form-data; name="file"; filename="${name}"`, data);
  const field = (name: string) => rawPart(`form-data; name="${name}"`, "x", "text/plain");
  const junk = () => Buffer.from(`--${BOUNDARY}\r\nX-Junk: 1\r\n\r\nx\r\n`);

  it("keeps a UTF-8 name as the asset's originalName: RFC 5987 filename*, or raw UTF-8 as browsers send it", async () => {
    const disposition = "form-data; name=\"file\"; filename*=UTF-8''%E2%82%AC%20Caf%C3%A9.png";
    const starred = await postRaw(rawForm(rawPart(disposition, png)));
    expect(starred.status).toBe(201);
    expect(starred.json.asset.originalName).toBe("€ Café.png");
    const browser = await post(form(png, "写真 été.png", "image/png"));
    expect(browser.json!.asset.originalName).toBe("写真 été.png");
  });

  it("ignores small extra fields around the file", async () => {
    expect((await postRaw(rawForm(field("note"), filePart(png)))).status).toBe(201);
  });

  it.each([
    ["a second file", () => rawForm(filePart(longPng), filePart(png, "b.png")), /one file per upload/],
    ["a file in another field", () => rawForm(rawPart('form-data; name="photo"; filename="a.png"', png)), /field "photo"/],
    ["too many fields", () => rawForm(...Array.from({ length: 7 }, (_, i) => field(`f${i}`)), filePart(png)), /too many form fields/],
    ["too many parts", () => rawForm(filePart(png), ...Array.from({ length: 8 }, junk)), /too many parts/],
    ["a body cut inside the file", () => rawForm(filePart(longPng)).subarray(0, 20_000), /ended before its closing boundary/],
  ])("refuses %s with a 400 naming it, leaving nothing behind", async (_, body, message) => {
    const before = await leftovers();
    const res = await postRaw(body());
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ success: false, code: "BAD_REQUEST", error: expect.stringMatching(message) });
    expect(await leftovers()).toEqual(before);
  });

  it("an upload aborted by the client leaves nothing behind", async () => {
    const before = await leftovers();
    const res = await postRaw(rawForm(filePart(longPng)), 20_000);
    expect(res.status).toBe(400);
    expect(res.json.error).toMatch(/interrupted/);
    expect(await leftovers()).toEqual(before);
  });

  it("refuses a multipart Content-Type without a boundary (415)", async () => {
    const res = await callRoute(upload, "/api/uploads", {
      method: "POST",
      body: new Uint8Array(rawForm(filePart(png))),
      headers: { ...alice.headers, "content-type": "multipart/form-data" },
    });
    expect(res.status).toBe(415);
  });
});

describe(`GET /api/files/{id} on ${testEngine}`, () => {
  let id: string;
  let bytes: Buffer;
  beforeAll(async () => {
    const png = await boxImage(200, 100, { left: 10, top: 10, width: 50, height: 50 });
    bytes = Buffer.concat([png]);
    const res = await post(form(bytes, "pic.png"));
    id = res.json!.asset.id;
  });

  it("serves the owner's file with the right headers", async () => {
    const res = await fetchFile(id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    expect(res.headers.get("content-length")).toBe(String(bytes.length));
    expect(res.headers.get("etag")).toMatch(/^"[0-9a-f]{64}"$/);
    expect(Buffer.from(res.text, "latin1").length).toBeGreaterThan(0);
  });

  it("returns exactly the uploaded bytes", async () => {
    const req = new Request(`http://127.0.0.1:3000/api/files/${id}`, { headers: alice.headers });
    const { NextRequest } = await import("next/server");
    const res = await getFile(new NextRequest(req), { params: Promise.resolve({ id }) });
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it("answers a Range with 206 and exactly those bytes", async () => {
    const { NextRequest } = await import("next/server");
    const ask = async (range: string) =>
      getFile(new NextRequest(`http://127.0.0.1:3000/api/files/${id}`, { headers: { ...alice.headers, range } }), {
        params: Promise.resolve({ id }),
      });
    const res = await ask("bytes=10-19");
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe(`bytes 10-19/${bytes.length}`);
    expect(res.headers.get("content-length")).toBe("10");
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes.subarray(10, 20))).toBe(true);

    const tail = await ask("bytes=-5");
    expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(bytes.length - 5))).toBe(true);

    const beyond = await ask(`bytes=${bytes.length}-`);
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe(`bytes */${bytes.length}`);
  });

  it("answers 304 to a matching If-None-Match", async () => {
    const first = await fetchFile(id);
    const again = await fetchFile(id, alice, { "if-none-match": first.headers.get("etag")! });
    expect(again.status).toBe(304);
  });

  it("another user's file, and a missing one, are 404 (indistinguishable)", async () => {
    const theirs = await fetchFile(id, bob);
    const missing = await fetchFile("cdoesnotexist00000000000000", bob);
    expect(theirs.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(theirs.json).toEqual(missing.json);
  });

  it("answers 401 without credentials", async () => {
    const res = await callRoute(getFile, `/api/files/${id}`, { params: { id } });
    expect(res.status).toBe(401);
  });
});
