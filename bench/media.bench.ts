/**
 * Media measurements for the closing note: crop a 4000×3000 JPEG, and extract the
 * frame at 50% of a 60-second 1080p video, through the same functions the executors
 * use. Run by `bench/media.sh`, which wraps each step in `/usr/bin/time -v` for
 * wall time and peak memory (max RSS of the process tree's largest member).
 *
 *   bench/media.sh                    # prepares fixtures once in $BENCH_DIR (default /tmp/galaxy-media-bench)
 *   node --conditions=react-server --import tsx bench/media.bench.ts prepare|crop|frame <dir>
 */
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import sharp from "sharp";
import { cropImage } from "@/server/media/crop-image";
import { extractVideoFrame } from "@/server/media/extract-video-frame";
import { ffmpegPath } from "@/server/media/ffmpeg-path";

const [mode, dir = "/tmp/galaxy-media-bench"] = process.argv.slice(2);
const jpeg = join(dir, "photo-4000x3000.jpg");
const video = join(dir, "video-60s-1080p.mp4");

async function prepare() {
  if (!existsSync(jpeg)) {
    // Noise compresses like a real photo would (≈ several MB), unlike a flat colour.
    const bytes = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 40 } } })
      .jpeg({ quality: 90 })
      .toBuffer();
    await writeFile(jpeg, bytes);
  }
  if (!existsSync(video)) {
    const args = ["-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc=duration=60:size=1920x1080:rate=30",
      "-f", "lavfi", "-i", "sine=frequency=440:duration=60", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
      "-g", "250", "-c:a", "aac", video];
    const result = spawnSync(ffmpegPath(), args, { stdio: "inherit" });
    if (result.status !== 0) throw new Error("could not make the bench video");
  }
  console.log(`fixtures in ${dir}`);
}

async function main() {
  if (mode === "prepare") return prepare();
  const started = process.hrtime.bigint();
  if (mode === "crop") {
    const { readFile } = await import("node:fs/promises");
    const input = await readFile(jpeg);
    const out = await cropImage(input, { x_percent: 25, y_percent: 25, width_percent: 50, height_percent: 50 });
    await writeFile(join(dir, "crop-out.jpg"), out.bytes);
    report(`crop ${out.source.width}×${out.source.height} JPEG (${(input.length / 1e6).toFixed(1)} MB) → ${out.box.width}×${out.box.height}`, started);
  } else if (mode === "frame") {
    const out = await extractVideoFrame(video, "50%", { timeoutMs: 120_000 });
    await writeFile(join(dir, "frame-out.png"), out.png);
    report(`frame at 50% (${out.seconds.toFixed(2)} s) of ${out.video.width}×${out.video.height} ${out.video.durationMs} ms video → PNG ${(out.png.length / 1e6).toFixed(1)} MB`, started);
  } else {
    throw new Error("usage: media.bench.ts prepare|crop|frame [dir]");
  }
}

function report(what: string, started: bigint) {
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const usage = process.resourceUsage();
  console.log(`${what}: ${ms.toFixed(0)} ms in-process; node max RSS ${(usage.maxRSS / 1024).toFixed(0)} MiB`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
