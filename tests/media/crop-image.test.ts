import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { execute as crop } from "@/nodes/cropImage/server";
import { execute as uploadImage } from "@/nodes/uploadImage/server";
import { createAssetFromBytes, readAssetBytes } from "@/server/assets";
import { useDatabase } from "@/server/db";
import { assets } from "@/server/db/schema";
import { resetEnvCache } from "@/server/env";
import { createTestDatabase, testEngine, type TestDatabase } from "../helpers/test-database";
import { insertUser } from "../helpers/fixtures";
import { boxImage, pixelAt, tempDataDir, removeTempDirs } from "./media-fixtures";
import { nodeContext } from "./node-context";

let t: TestDatabase;
let userId: string;
let otherUserId: string;
const magenta = { r: 255, g: 0, b: 255 };

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t.handle);
  resetEnvCache({ GALAXY_DATA_DIR: tempDataDir() });
  userId = (await insertUser(t.handle.db)).id;
  otherUserId = (await insertUser(t.handle.db)).id;
});
afterAll(async () => {
  resetEnvCache();
  removeTempDirs();
  await t?.drop();
});

async function imageAsset(bytes: Buffer, mime: string, owner = userId) {
  return createAssetFromBytes(owner, bytes, { kind: "image", mime, source: "upload" });
}

const input = (image_url: string, x = 0, y = 0, w = 100, h = 100) => ({
  image_url,
  x_percent: x,
  y_percent: y,
  width_percent: w,
  height_percent: h,
});

describe(`cropImage executor on ${testEngine}`, () => {
  it("640×360 at 25/25/50/50 → 320×180 taken at offset (160, 90), the right pixels, stored as a generated asset", async () => {
    // Black image with a magenta box exactly where the crop should land.
    const source = await imageAsset(await boxImage(640, 360, { left: 160, top: 90, width: 320, height: 180 }), "image/png");
    const { ctx, logs } = nodeContext(userId, { runId: "run_crop_1" });
    const result = await crop(input(`/api/files/${source.id}`, 25, 25, 50, 50), ctx);

    expect(result.outputs.image).toMatch(/^\/api\/files\/[a-z0-9]+$/);
    expect(result.meta).toMatchObject({ width: 320, height: 180, left: 160, top: 90, mime: "image/png" });
    const { bytes, asset } = await readAssetBytes(userId, String(result.outputs.image));
    expect(asset).toMatchObject({ kind: "image", mime: "image/png", width: 320, height: 180, source: "generated", runId: "run_crop_1" });
    const meta = await sharp(bytes).metadata();
    expect([meta.width, meta.height, meta.format]).toEqual([320, 180, "png"]);
    // Every corner is magenta: the box was cut exactly (one pixel off would show black).
    for (const [x, y] of [[0, 0], [319, 0], [0, 179], [319, 179], [160, 90]]) {
      expect(await pixelAt(bytes, x, y)).toEqual(magenta);
    }
    expect(logs[0].message).toContain("640×360 to 320×180");
    expect(result.meta?.notices).toBeUndefined();
  });

  it("clamps a box that leaves the image, and says so in the result and the log", async () => {
    const source = await imageAsset(await boxImage(640, 360, { left: 480, top: 180, width: 160, height: 180 }), "image/png");
    const { ctx, logs } = nodeContext(userId);
    const result = await crop(input(source.id, 75, 50, 60, 80), ctx);
    expect(result.meta).toMatchObject({ left: 480, top: 180, width: 160, height: 180 });
    const notices = [
      "the box ran past the right edge (X 75% + width 60%): cropped 25% wide (160 px)",
      "the box ran past the bottom edge (Y 50% + height 80%): cropped 50% high (180 px)",
    ];
    expect(result.meta?.notices).toEqual(notices);
    expect(logs.filter((l) => l.level === "warning").map((l) => l.message)).toEqual(notices);
    const { bytes } = await readAssetBytes(userId, String(result.outputs.image));
    expect(await pixelAt(bytes, 159, 179)).toEqual(magenta);
  });

  it("refuses an empty box clearly", async () => {
    const source = await imageAsset(await boxImage(64, 36, { left: 0, top: 0, width: 1, height: 1 }), "image/png");
    const { ctx } = nodeContext(userId);
    await expect(crop(input(source.id, 10, 10, 0, 50), ctx)).rejects.toThrow("The crop is empty: set a width above 0 %.");
    await expect(crop(input(source.id, 100, 0, 10, 10), ctx)).rejects.toThrow(/starts outside the image/);
  });

  it("honours EXIF orientation (6: rotate 90° clockwise) before measuring and cropping", async () => {
    // Stored 200×100: left half red, right half blue. Shown (orientation 6): 100×200, red on top.
    const stored = await sharp(await boxImage(200, 100, { left: 100, top: 0, width: 100, height: 100 }, {
      background: { r: 255, g: 0, b: 0 },
      fill: { r: 0, g: 0, b: 255 },
    }))
      .jpeg({ quality: 95 })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect((await sharp(stored).metadata()).orientation).toBe(6);
    const source = await imageAsset(stored, "image/jpeg");
    expect([source.width, source.height]).toEqual([100, 200]);

    const { ctx } = nodeContext(userId);
    const top = await crop(input(source.id, 0, 0, 100, 50), ctx);
    expect(top.meta).toMatchObject({ width: 100, height: 100, sourceWidth: 100, sourceHeight: 200, mime: "image/jpeg" });
    const { bytes } = await readAssetBytes(userId, String(top.outputs.image));
    const meta = await sharp(bytes).metadata();
    expect([meta.width, meta.height, meta.format, meta.orientation ?? 1]).toEqual([100, 100, "jpeg", 1]);
    const centre = await pixelAt(bytes, 50, 50);
    expect(centre.r).toBeGreaterThan(200);
    expect(centre.b).toBeLessThan(60);
  });

  it("output format follows the input: WebP stays WebP, GIF becomes PNG", async () => {
    const { ctx } = nodeContext(userId);
    const webp = await imageAsset(await boxImage(40, 40, { left: 0, top: 0, width: 20, height: 20 }, undefined, "webp"), "image/webp");
    const gif = await imageAsset(await boxImage(40, 40, { left: 0, top: 0, width: 20, height: 20 }, undefined, "gif"), "image/gif");
    expect((await crop(input(webp.id, 0, 0, 50, 50), ctx)).meta?.mime).toBe("image/webp");
    const fromGif = await crop(input(gif.id, 0, 0, 50, 50), ctx);
    expect(fromGif.meta?.mime).toBe("image/png");
    const { bytes } = await readAssetBytes(userId, String(fromGif.outputs.image));
    expect((await sharp(bytes).metadata()).format).toBe("png");
  });

  it("only reads the user's own assets and never fetches other URLs", async () => {
    const theirs = await imageAsset(await boxImage(20, 20, { left: 0, top: 0, width: 5, height: 5 }), "image/png", otherUserId);
    const { ctx } = nodeContext(userId);
    await expect(crop(input(`/api/files/${theirs.id}`), ctx)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(crop(input("http://169.254.169.254/latest/meta-data/"), ctx)).rejects.toThrow(/not a Galaxy file/);
    await expect(crop(input("file:///etc/passwd"), ctx)).rejects.toThrow(/not a Galaxy file/);
  });

  it("stops before working when the run is already canceled", async () => {
    const source = await imageAsset(await boxImage(20, 20, { left: 0, top: 0, width: 5, height: 5 }), "image/png");
    const controller = new AbortController();
    controller.abort(new Error("run canceled"));
    const before = (await t.handle.db.select().from(assets).where(eq(assets.userId, userId))).length;
    await expect(crop(input(source.id), nodeContext(userId, { signal: controller.signal }).ctx)).rejects.toThrow(/canceled/);
    expect((await t.handle.db.select().from(assets).where(eq(assets.userId, userId))).length).toBe(before);
  });
});

describe(`uploadImage executor on ${testEngine}`, () => {
  it("resolves the asset to its URL, and fails clearly for a missing or foreign one", async () => {
    const mine = await imageAsset(await boxImage(30, 20, { left: 0, top: 0, width: 5, height: 5 }), "image/png");
    const theirs = await imageAsset(await boxImage(30, 20, { left: 0, top: 0, width: 5, height: 5 }), "image/png", otherUserId);
    const { ctx } = nodeContext(userId);
    const result = await uploadImage({ assetId: mine.id }, ctx);
    expect(result).toEqual({
      outputs: { image: `/api/files/${mine.id}` },
      meta: { assetId: mine.id, width: 30, height: 20, mime: "image/png", size: mine.size },
    });
    await expect(uploadImage({ assetId: theirs.id }, ctx)).rejects.toThrow(/gone \(deleted, or not yours\)/);
    await expect(uploadImage({ assetId: "c_missing" }, ctx)).rejects.toThrow(/gone/);
  });
});
