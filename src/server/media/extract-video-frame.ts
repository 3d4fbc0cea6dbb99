/**
 * One frame of a video as PNG, via ffmpeg.
 *
 * - `timestamp`: seconds (number or numeric string) or a percentage of the duration ("50%").
 * - Past the end (or at the very end): the last frame. The target is clamped to
 *   `duration − one frame`; if the container's duration still overshoots the video
 *   stream (audio longer than video), `lastFrame` decodes the end and keeps the final frame.
 *   Either is said in `notices` ("frame at 4.97 s — the clip is 5.0 s long").
 * - `-ss` before `-i` (fast input seeking: jumps to the previous keyframe, then decodes
 *   up to the exact time), `-frames:v 1`, PNG on stdout.
 */
import "server-only";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FfmpegError, lastFfmpegLine, runFfmpeg, type RunFfmpegOptions } from "./run-ffmpeg";
import { probeVideo, type VideoInfo } from "./probe-video";

export interface ExtractedFrame {
  png: Buffer;
  /** The time actually used, in seconds, after percentage and clamping. */
  seconds: number;
  video: VideoInfo;
  /** How the time asked for was adjusted, in plain words (empty when it was not). */
  notices: string[];
}

export async function extractVideoFrame(
  path: string,
  timestamp: number | string,
  options: RunFfmpegOptions = {},
): Promise<ExtractedFrame> {
  const video = await probeVideo(path, options);
  if (!video) throw new FfmpegError("the file has no video stream ffmpeg can read");
  const asked = requestedFrameTime(timestamp, video);
  const seconds = clampFrameTime(asked, video);
  const notices = seconds < asked ? [frameNotice(seconds, timestamp, video)] : [];
  const args = ["-ss", seconds.toFixed(3), "-i", path, "-map", "0:v:0", "-frames:v", "1", "-f", "image2pipe", "-c:v", "png", "pipe:1"];
  const first = await runFfmpeg(args, options);
  if (first.code === 0 && first.stdout.length > 0) return { png: first.stdout, seconds, video, notices };
  if (first.code !== 0) throw new FfmpegError(`ffmpeg could not extract a frame: ${lastFfmpegLine(first.stderr)}`, first.stderr);
  // Nothing decoded at or after `seconds`: the stream ends earlier than the container says.
  // Already moved to the last frame's time, the notice stands; else the stream ended before the time asked for.
  const png = await lastFrame(path, options);
  const fallback = `took the last frame: the video ends before ${formatSeconds(seconds)} s (asked for ${askedFor(timestamp)})`;
  return { png, seconds, video, notices: notices.length > 0 ? notices : [fallback] };
}

/** "frame at 4.97 s — the clip is 5.0 s long (asked for 99 s)" */
export function frameNotice(seconds: number, timestamp: number | string, video: Pick<VideoInfo, "durationMs">): string {
  const length = video.durationMs === null ? "" : ` — the clip is ${(video.durationMs / 1000).toFixed(1)} s long`;
  return `frame at ${formatSeconds(seconds)} s${length} (asked for ${askedFor(timestamp)})`;
}

function askedFor(timestamp: number | string): string {
  const text = String(timestamp).trim();
  return text.endsWith("%") ? text : `${formatSeconds(Number(text))} s`;
}

/** Seconds with at most two decimals: 4.9667 → "4.97", 99 → "99". */
function formatSeconds(seconds: number): string {
  return String(Math.round(seconds * 100) / 100);
}

/** Seconds to seek to: percentages need the duration; everything is clamped into [0, last frame]. */
export function resolveFrameTime(timestamp: number | string, video: Pick<VideoInfo, "durationMs" | "fps">): number {
  return clampFrameTime(requestedFrameTime(timestamp, video), video);
}

/** The time asked for, in seconds, before clamping (a percentage over 100 reaches past the end). */
function requestedFrameTime(timestamp: number | string, video: Pick<VideoInfo, "durationMs">): number {
  const text = typeof timestamp === "string" ? timestamp.trim() : undefined;
  if (text !== undefined && text.endsWith("%")) {
    const percent = Number(text.slice(0, -1));
    if (!Number.isFinite(percent) || percent < 0) throw new Error(`invalid timestamp "${timestamp}"`);
    if (video.durationMs === null) throw new Error(`cannot use "${timestamp}": the video's duration is unknown; give seconds instead`);
    return (video.durationMs / 1000) * (percent / 100);
  }
  const seconds = text === undefined ? Number(timestamp) : text === "" ? 0 : Number(text);
  if (!Number.isFinite(seconds) || seconds < 0) throw new Error(`invalid timestamp "${timestamp}": use seconds or a percentage like "50%"`);
  return seconds;
}

/** Into [0, the last frame's time] when the duration is known. */
function clampFrameTime(seconds: number, video: Pick<VideoInfo, "durationMs" | "fps">): number {
  if (video.durationMs !== null) {
    const frame = 1 / (video.fps && video.fps > 0 ? video.fps : 25);
    seconds = Math.min(seconds, Math.max(0, video.durationMs / 1000 - frame));
  }
  return Math.max(0, seconds);
}

/**
 * The stream's final frame, for when seeking found nothing: decode the last second
 * (`-sseof -1`), or, when the video stream ends even earlier than that (audio far
 * longer than video), the whole stream. `-update 1` keeps overwriting one image per
 * decoded frame, so the file ends holding the last one.
 */
async function lastFrame(path: string, options: RunFfmpegOptions): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), "galaxy-frame-"));
  try {
    let stderr = "";
    for (const [index, seek] of [["-sseof", "-1"], []].entries()) {
      const out = join(dir, `last-${index}.png`);
      const result = await runFfmpeg([...seek, "-i", path, "-map", "0:v:0", "-an", "-update", "1", "-c:v", "png", "-y", out], options);
      stderr = result.stderr;
      const png = result.code === 0 ? await readFile(out).catch(() => undefined) : undefined;
      if (png?.length) return png;
    }
    throw new FfmpegError(`ffmpeg could not extract the last frame: ${lastFfmpegLine(stderr)}`, stderr);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
