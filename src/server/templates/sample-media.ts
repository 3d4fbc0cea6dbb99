/**
 * The template's sample files, made on the server (no binary files in the repository):
 * a 640×480 PNG "product shot" drawn with sharp, and a 3-second 640×360 MP4 from
 * ffmpeg's test source.
 */
import "server-only";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { runFfmpeg } from "../media/run-ffmpeg";

const PRODUCT_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#1e1b4b"/><stop offset="1" stop-color="#7c3aed"/></linearGradient>
    <linearGradient id="can" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#f59e0b"/><stop offset="0.5" stop-color="#fde68a"/><stop offset="1" stop-color="#d97706"/></linearGradient>
  </defs>
  <rect width="640" height="480" fill="url(#bg)"/>
  <ellipse cx="320" cy="400" rx="150" ry="22" fill="#000" opacity="0.35"/>
  <rect x="250" y="120" width="140" height="270" rx="24" fill="url(#can)"/>
  <ellipse cx="320" cy="122" rx="70" ry="14" fill="#fef3c7"/>
  <rect x="250" y="210" width="140" height="70" fill="#0f172a" opacity="0.85"/>
  <circle cx="320" cy="245" r="22" fill="#34d399"/>
  <circle cx="120" cy="110" r="40" fill="#f472b6" opacity="0.5"/>
  <circle cx="530" cy="360" r="55" fill="#60a5fa" opacity="0.4"/>
</svg>`;

export async function makeSampleImage(): Promise<Buffer> {
  return sharp(Buffer.from(PRODUCT_SVG)).png().toBuffer();
}

export async function makeSampleVideo(): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), "galaxy-sample-"));
  const out = join(dir, "sample.mp4");
  try {
    const result = await runFfmpeg(
      ["-f", "lavfi", "-i", "testsrc=duration=3:size=640x360:rate=25", "-pix_fmt", "yuv420p", "-c:v", "libx264", "-movflags", "+faststart", "-y", out],
      { timeoutMs: 60_000 },
    );
    if (result.code !== 0) throw new Error(`ffmpeg could not make the sample video: ${result.stderr.slice(-300)}`);
    return await readFile(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
