import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { POST as upload } from "@/app/api/uploads/route";
import { GET as getFile } from "@/app/api/files/[id]/route";
import { execute as crop } from "@/nodes/cropImage/server";
import { execute as extractFrame } from "@/nodes/extractFrame/server";
import { readAssetBytes } from "@/server/assets";
import { useDatabase } from "@/server/db";
import { assets } from "@/server/db/schema";
import { resetEnvCache } from "@/server/env";
import { createTestDatabase, testEngine, type TestDatabase } from "../helpers/test-database";
import { callRoute } from "../helpers/call-route";
import { createTestUser, type TestUser } from "../helpers/test-user";
import { boxImage, makeVideo, tempDataDir, removeTempDirs } from "./media-fixtures";
import { nodeContext } from "./node-context";
import { startTransloaditStub, type TransloaditStub } from "./transloadit-stub";

const KEY = "test_auth_key_0123456789";
const SECRET = "test_auth_secret_abcdef";

let t: TestDatabase;
let stub: TransloaditStub;
let dataDir: string;
let alice: TestUser;

const configure = (extra: Record<string, string> = {}) =>
  resetEnvCache({
    GALAXY_DATA_DIR: dataDir,
    TRANSLOADIT_AUTH_KEY: KEY,
    TRANSLOADIT_SECRET: SECRET,
    TRANSLOADIT_API_URL: stub.url,
    ...extra,
  });

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t.handle);
  stub = await startTransloaditStub(KEY, SECRET);
  dataDir = tempDataDir();
  configure();
  alice = await createTestUser();
});
beforeEach(() => configure());
afterAll(async () => {
  resetEnvCache();
  removeTempDirs();
  await stub?.close();
  await t?.drop();
});

function form(bytes: Uint8Array, name: string) {
  const body = new FormData();
  body.append("file", new Blob([new Uint8Array(bytes)]), name);
  return body;
}

/** Local files left on disk (temp files included): Transloadit storage must leave none. */
function localFiles(): string[] {
  try {
    return readdirSync(join(dataDir, "files"), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}

describe(`Transloadit storage (against a local stub) on ${testEngine}`, () => {
  let imageId: string;
  let png: Buffer;

  it("uploads through a signed Assembly and records the resulting URL", async () => {
    png = await boxImage(120, 80, { left: 30, top: 20, width: 60, height: 40 });
    const res = await callRoute(upload, "/api/uploads", { method: "POST", body: form(png, "pic.png"), headers: alice.headers });
    expect(res.status).toBe(201);
    imageId = res.json!.asset.id;
    expect(res.json!.asset).toMatchObject({ url: `/api/files/${imageId}`, mime: "image/png", width: 120, height: 80 });

    const sent = stub.uploads.at(-1)!;
    expect(sent.fieldOrder).toEqual(["params", "signature", "file"]);
    expect(sent.signature).toMatch(/^sha384:[0-9a-f]{96}$/);
    expect(sent.bytes.equals(png)).toBe(true);
    expect(stub.polls).toBeGreaterThanOrEqual(1);

    const [row] = await t.handle.db.select().from(assets).where(eq(assets.id, imageId));
    expect(row.storage).toBe("transloadit");
    expect(row.remoteUrl).toMatch(new RegExp(`^${stub.url}/files/[0-9a-f]+$`));
    expect(localFiles()).toEqual([]);
  });

  it("serves the file through /api/files (owner check, Range forwarded)", async () => {
    const ask = (headers: Record<string, string> = {}) =>
      getFile(new NextRequest(`http://127.0.0.1:3000/api/files/${imageId}`, { headers: { ...alice.headers, ...headers } }), {
        params: Promise.resolve({ id: imageId }),
      });
    const whole = await ask();
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await whole.arrayBuffer()).equals(png)).toBe(true);
    const part = await ask({ range: "bytes=4-11" });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer()).equals(png.subarray(4, 12))).toBe(true);
  });

  it("executors read remote assets and store their results there too", async () => {
    const { ctx } = nodeContext(alice.user.id);
    const cropped = await crop({ image_url: `/api/files/${imageId}`, x_percent: 25, y_percent: 25, width_percent: 50, height_percent: 50 }, ctx);
    const { asset, bytes } = await readAssetBytes(alice.user.id, String(cropped.outputs.image));
    expect(asset.storage).toBe("transloadit");
    expect(asset).toMatchObject({ width: 60, height: 40, source: "generated" });
    expect(bytes.length).toBe(asset.size);

    const video = await makeVideo(tempDataDir(), { seconds: 1, size: "160x90" });
    const up = await callRoute(upload, "/api/uploads", { method: "POST", body: form(video.bytes, "v.mp4"), headers: alice.headers });
    expect(up.status).toBe(201);
    const frame = await extractFrame({ video_url: up.json!.asset.url, timestamp: "50%" }, ctx);
    expect(frame.meta).toMatchObject({ width: 160, height: 90 });
    expect(localFiles()).toEqual([]); // the downloaded temp copy of the video was released
  });

  it("records the Template's stored result when TRANSLOADIT_TEMPLATE_ID is set", async () => {
    configure({ TRANSLOADIT_TEMPLATE_ID: "tpl_store" });
    const res = await callRoute(upload, "/api/uploads", { method: "POST", body: form(png, "pic.png"), headers: alice.headers });
    expect(res.status).toBe(201);
    expect(stub.uploads.at(-1)!.params).toMatchObject({ template_id: "tpl_store" });
    const [row] = await t.handle.db.select().from(assets).where(eq(assets.id, res.json!.asset.id));
    expect(row.remoteUrl).toMatch(/\?stored=1$/);
  });

  it("a wrong secret is refused by the stub's signature check: 503, no row, no file", async () => {
    configure({ TRANSLOADIT_SECRET: "not-the-secret" });
    const before = (await t.handle.db.select().from(assets)).length;
    const res = await callRoute(upload, "/api/uploads", { method: "POST", body: form(png, "pic.png"), headers: alice.headers });
    expect(res.status).toBe(503);
    expect(res.json!.error).toMatch(/INVALID_SIGNATURE/);
    expect((await t.handle.db.select().from(assets)).length).toBe(before);
    expect(localFiles()).toEqual([]);
  });
});
