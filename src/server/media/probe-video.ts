/**
 * Facts about a video from `ffmpeg -i <file>` (the static ffmpeg ships without
 * ffprobe): duration, first video stream's size and frame rate, and whether there
 * is audio. `ffmpeg -i` with no output exits 1 by design; the facts are on stderr.
 */
import "server-only";
import { runFfmpeg, type RunFfmpegOptions } from "./run-ffmpeg";

export interface VideoInfo {
  durationMs: number | null;
  width: number | null;
  height: number | null;
  fps: number | null;
  hasAudio: boolean;
}

export async function probeVideo(path: string, options: RunFfmpegOptions = {}): Promise<VideoInfo | undefined> {
  const { stderr } = await runFfmpeg(["-i", path], options);
  return parseFfmpegInfo(stderr);
}

/** Parses ffmpeg's banner; `undefined` when it shows no video stream (not a video we can use). */
export function parseFfmpegInfo(stderr: string): VideoInfo | undefined {
  const videoLine = stderr.split(/\r?\n/).find((line) => /Stream #\d+:\d+.*: Video: /.test(line));
  if (!videoLine) return undefined;
  const duration = /Duration: (\d+):(\d{2}):(\d{2}(?:\.\d+)?)/.exec(stderr);
  const durationMs = duration
    ? Math.round((Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3])) * 1000)
    : null;
  // "…, yuv420p(progressive), 640x360 [SAR 1:1 DAR 16:9], 25 fps, …" — the first WxH after the codec.
  const size = /, (\d{2,5})x(\d{2,5})/.exec(videoLine);
  const fps = /, (\d+(?:\.\d+)?) fps/.exec(videoLine) ?? /, (\d+(?:\.\d+)?) tbr/.exec(videoLine);
  let width = size ? Number(size[1]) : null;
  let height = size ? Number(size[2]) : null;
  // Phones store portrait video as landscape plus a rotation; ffmpeg auto-rotates frames, so report the shown size.
  const rotate = /rotate\s*:\s*(-?\d+)/.exec(stderr) ?? /rotation of (-?\d+(?:\.\d+)?) degrees/.exec(stderr);
  if (rotate && Math.abs(Number(rotate[1])) % 180 === 90) [width, height] = [height, width];
  return {
    durationMs,
    width,
    height,
    fps: fps ? Number(fps[1]) : null,
    hasAudio: /Stream #\d+:\d+.*: Audio: /.test(stderr),
  };
}
