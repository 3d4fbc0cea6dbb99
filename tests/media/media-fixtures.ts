/** Media made on the fly for the media tests: images with sharp, videos with ffmpeg's test source. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import ffmpegInstaller from "@ffmpeg-installer/ffmpeg";

export const ffmpegBin: string = ffmpegInstaller.path;

const createdDirs: string[] = [];

/** A fresh temp directory (a test's GALAXY_DATA_DIR or scratch space); removed by `removeTempDirs`. */
export function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "galaxy-media-test-"));
  createdDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of createdDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

type Rgb = { r: number; g: number; b: number };

/** A `width×height` image of `background` with a `box` of `fill` (PNG unless `format` says otherwise). */
export async function boxImage(
  width: number,
  height: number,
  box: { left: number; top: number; width: number; height: number },
  colors: { background: Rgb; fill: Rgb } = { background: { r: 0, g: 0, b: 0 }, fill: { r: 255, g: 0, b: 255 } },
  format: "png" | "jpeg" | "webp" | "gif" = "png",
): Promise<Buffer> {
  const fill = await sharp({ create: { width: box.width, height: box.height, channels: 3, background: colors.fill } })
    .png()
    .toBuffer();
  return sharp({ create: { width, height, channels: 3, background: colors.background } })
    .composite([{ input: fill, left: box.left, top: box.top }])
    .toFormat(format)
    .toBuffer();
}

/** The RGB of one pixel. */
export async function pixelAt(image: Buffer, x: number, y: number): Promise<Rgb> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return { r: data[at], g: data[at + 1], b: data[at + 2] };
}

/** A video from ffmpeg's `testsrc`, optionally with a sine-wave audio track. */
export async function makeVideo(
  dir: string,
  options: { seconds?: number; size?: string; rate?: number; audio?: boolean; format?: "mp4" | "webm" | "mov" } = {},
): Promise<{ path: string; bytes: Buffer }> {
  const { seconds = 3, size = "640x360", rate = 25, audio = false, format = "mp4" } = options;
  const path = join(dir, `video-${seconds}s-${size}-${audio ? "av" : "v"}.${format}`);
  const args = ["-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", `testsrc=duration=${seconds}:size=${size}:rate=${rate}`];
  if (audio) args.push("-f", "lavfi", "-i", `sine=frequency=440:duration=${seconds}`);
  if (format === "webm") args.push("-c:v", "libvpx", "-b:v", "200k", ...(audio ? ["-c:a", "libopus"] : []));
  else args.push("-c:v", "libx264", "-pix_fmt", "yuv420p", "-preset", "ultrafast", ...(audio ? ["-c:a", "aac"] : []));
  args.push(path);
  const result = spawnSync(ffmpegBin, args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`ffmpeg failed: ${result.stderr}`);
  return { path, bytes: await readFile(path) };
}
