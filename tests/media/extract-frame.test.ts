import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execSync } from "node:child_process";
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { execute as extractFrame } from "@/nodes/extractFrame/server";
import { execute as uploadVideo } from "@/nodes/uploadVideo/server";
import { createAssetFromBytes, readAssetBytes } from "@/server/assets";
import type { Asset } from "@/server/db/schema";
import { useDatabase } from "@/server/db";
import { resetEnvCache } from "@/server/env";
import { runFfmpeg } from "@/server/media/run-ffmpeg";
import { createTestDatabase, testEngine, type TestDatabase } from "../helpers/test-database";
import { insertUser } from "../helpers/fixtures";
import { ffmpegBin, makeVideo, pixelAt, tempDataDir, removeTempDirs } from "./media-fixtures";
import { nodeContext } from "./node-context";

let t: TestDatabase;
let userId: string;
let dataDir: string;
let withAudio: Asset;
let silent: Asset;
let webm: Asset;

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t.handle);
  dataDir = tempDataDir();
  resetEnvCache({ GALAXY_DATA_DIR: dataDir });
  userId = (await insertUser(t.handle.db)).id;
  const video = async (options: Parameters<typeof makeVideo>[1], mime: string) =>
    createAssetFromBytes(userId, (await makeVideo(dataDir, options)).bytes, { kind: "video", mime, source: "upload" });
  withAudio = await video({ audio: true }, "video/mp4");
  silent = await video({ audio: false }, "video/mp4");
  webm = await video({ seconds: 2, size: "320x180", format: "webm" }, "video/webm");
}, 120_000);
afterAll(async () => {
  resetEnvCache();
  removeTempDirs();
  await t?.drop();
});

const run = (video: Asset, timestamp: number | string, overrides = {}) =>
  extractFrame({ video_url: `/api/files/${video.id}`, timestamp }, nodeContext(userId, overrides).ctx);

async function frameOf(result: Awaited<ReturnType<typeof run>>) {
  const { bytes, asset } = await readAssetBytes(userId, String(result.outputs.image));
  return { bytes, asset, meta: await sharp(bytes).metadata() };
}

describe(`extractFrame executor on ${testEngine}`, () => {
  it("records video facts at upload: duration, size", () => {
    expect(withAudio).toMatchObject({ kind: "video", mime: "video/mp4", width: 640, height: 360 });
    expect(withAudio.durationMs).toBeGreaterThanOrEqual(2900);
    expect(withAudio.durationMs).toBeLessThanOrEqual(3100);
    expect(webm).toMatchObject({ mime: "video/webm", width: 320, height: 180 });
  });

  it("takes the frame at 0 as a PNG asset of the video's size", async () => {
    const result = await run(withAudio, 0);
    const { asset, meta } = await frameOf(result);
    expect([meta.format, meta.width, meta.height]).toEqual(["png", 640, 360]);
    expect(asset).toMatchObject({ kind: "image", mime: "image/png", source: "generated", runId: "run_test" });
    expect(result.meta).toMatchObject({ width: 640, height: 360, seconds: 0 });
    expect(result.meta?.notices).toBeUndefined();
  });

  it('takes "50%" from the duration, and differs from the first frame', async () => {
    const first = await frameOf(await run(silent, 0));
    const half = await run(silent, "50%");
    expect(half.meta?.seconds).toBeCloseTo(1.5, 1);
    const middle = await frameOf(half);
    expect(middle.meta.width).toBe(640);
    expect(middle.bytes.equals(first.bytes)).toBe(false);
    // Numeric strings are seconds.
    expect((await run(silent, "1.5")).meta?.seconds).toBe(1.5);
  });

  it("past the end takes the last frame (with and without audio, and WebM)", async () => {
    for (const video of [withAudio, silent, webm]) {
      const result = await run(video, 3600);
      const { meta } = await frameOf(result);
      expect(meta.format).toBe("png");
      expect(Number(result.meta?.seconds)).toBeLessThan(video.durationMs! / 1000);
      expect(Number(result.meta?.seconds)).toBeGreaterThan(video.durationMs! / 1000 - 0.2);
      // Said in the result, not only in the logs (a container longer than its video stream ends in the fallback).
      expect(result.meta?.notices).toEqual([
        expect.stringMatching(/^(frame at \d\.\d+ s — the clip is \d\.\d s long|took the last frame: the video ends before \d\.\d+ s) \(asked for 3600 s\)$/),
      ]);
    }
    const full = await frameOf(await run(webm, "100%"));
    expect(full.meta.width).toBe(320);
  });

  it("past the end of a video whose audio runs on longer still gives the video's last frame", async () => {
    const dir = tempDataDir();
    const path = join(dir, "short-video-long-audio.mp4");
    execSync(
      `"${ffmpegBin}" -hide_banner -loglevel error -y -f lavfi -i testsrc=duration=1:size=160x90:rate=25 ` +
        `-f lavfi -i sine=frequency=440:duration=4 -c:v libx264 -pix_fmt yuv420p -preset ultrafast -c:a aac "${path}"`,
    );
    const video = await createAssetFromBytes(userId, readFileSync(path), { kind: "video", mime: "video/mp4", source: "upload" });
    expect(video.durationMs).toBeGreaterThan(3500);
    for (const timestamp of [3600, "90%"]) {
      const { meta } = await frameOf(await run(video, timestamp));
      expect([meta.format, meta.width, meta.height]).toEqual(["png", 160, 90]);
    }
  });

  it("the last frame is not a black or empty image", async () => {
    const { bytes } = await frameOf(await run(silent, 999));
    // testsrc draws coloured bars over the whole frame.
    const pixel = await pixelAt(bytes, 320, 100);
    expect(pixel.r + pixel.g + pixel.b).toBeGreaterThan(0);
  });

  it("refuses an image on the video input and a foreign URL", async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#fff" } }).png().toBuffer();
    const image = await createAssetFromBytes(userId, png, { kind: "image", mime: "image/png", source: "upload" });
    await expect(run(image, 0)).rejects.toThrow(/not a video/);
    await expect(
      extractFrame({ video_url: "https://example.com/v.mp4", timestamp: 0 }, nodeContext(userId).ctx),
    ).rejects.toThrow(/not a Galaxy file/);
  });

  it("an aborted signal kills ffmpeg at once (SIGKILL), leaving no process behind", async () => {
    const controller = new AbortController();
    // A never-ending input: ffmpeg would run until killed.
    const pending = runFfmpeg(["-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-f", "null", "-"], {
      signal: controller.signal,
      timeoutMs: 60_000,
    });
    await new Promise((r) => setTimeout(r, 300));
    const started = Date.now();
    controller.abort(new Error("run canceled"));
    await expect(pending).rejects.toThrow("run canceled");
    expect(Date.now() - started).toBeLessThan(2000); // generous: CI machines are shared
    expect(execSync("ps -eo args").toString()).not.toContain("testsrc=size=320x240:rate=25");
  });

  it("a timeout kills ffmpeg with a clear error", async () => {
    const started = Date.now();
    await expect(
      runFfmpeg(["-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-f", "null", "-"], { timeoutMs: 300 }),
    ).rejects.toThrow(/longer than 300 ms/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("a canceled run aborts extraction with the run's reason", async () => {
    const controller = new AbortController();
    controller.abort(new Error("run canceled"));
    await expect(run(silent, "50%", { signal: controller.signal })).rejects.toThrow("run canceled");
  });

  it("FFMPEG_PATH overrides the bundled binary (arguments are passed as an array, never a shell)", async () => {
    const fake = join(dataDir, "fake-ffmpeg.sh");
    const marker = join(dataDir, "args.txt");
    writeFileSync(fake, `#!/bin/sh\nfor a in "$@"; do echo "$a"; done > "${marker}"\nexit 3\n`);
    chmodSync(fake, 0o755);
    resetEnvCache({ GALAXY_DATA_DIR: dataDir, FFMPEG_PATH: fake });
    try {
      const weird = "a; rm -rf / $(touch pwned)";
      const result = await runFfmpeg(["-i", weird]);
      expect(result.code).toBe(3);
      expect(readFileSync(marker, "utf8").split("\n")).toContain(weird);
    } finally {
      resetEnvCache({ GALAXY_DATA_DIR: dataDir });
    }
  });
});

describe(`uploadVideo executor on ${testEngine}`, () => {
  it("resolves the asset to its URL with its facts; an image asset or a missing one fails clearly", async () => {
    const { ctx } = nodeContext(userId);
    const result = await uploadVideo({ assetId: silent.id }, ctx);
    expect(result.outputs).toEqual({ video: `/api/files/${silent.id}` });
    expect(result.meta).toMatchObject({ assetId: silent.id, width: 640, height: 360, mime: "video/mp4" });
    await expect(uploadVideo({ assetId: "cnotthere000" }, ctx)).rejects.toThrow(/gone/);
  });
});
