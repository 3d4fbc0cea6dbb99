import { describe, expect, it } from "vitest";
import { frameNotice, resolveFrameTime } from "./extract-video-frame";
import { parseFfmpegInfo } from "./probe-video";

const BANNER = `Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'in.mp4':
  Duration: 00:01:02.50, start: 0.000000, bitrate: 1205 kb/s
    Stream #0:0(und): Video: h264 (High) (avc1 / 0x31637661), yuv420p, 1920x1080 [SAR 1:1 DAR 16:9], 1000 kb/s, 29.97 fps, 29.97 tbr, 30k tbn, 59.94 tbc (default)
    Stream #0:1(und): Audio: aac (LC) (mp4a / 0x6134706D), 44100 Hz, stereo, fltp, 128 kb/s (default)
At least one output file must be specified`;

describe("parseFfmpegInfo", () => {
  it("reads duration, size, frame rate and audio", () => {
    expect(parseFfmpegInfo(BANNER)).toEqual({ durationMs: 62_500, width: 1920, height: 1080, fps: 29.97, hasAudio: true });
  });

  it("swaps the size of a rotated (portrait phone) video", () => {
    const rotated = BANNER.replace("(default)\n", "(default)\n    Metadata:\n      rotate          : 90\n");
    expect(parseFfmpegInfo(rotated)).toMatchObject({ width: 1080, height: 1920 });
  });

  it("is undefined without a video stream, and tolerates an unknown duration", () => {
    expect(parseFfmpegInfo("Duration: 00:00:03.00\n    Stream #0:0: Audio: mp3, 44100 Hz")).toBeUndefined();
    expect(parseFfmpegInfo(BANNER.replace("00:01:02.50", "N/A"))?.durationMs).toBeNull();
  });
});

describe("resolveFrameTime", () => {
  const video = { durationMs: 3000, fps: 25 };
  it("takes seconds as a number or numeric string, and percentages of the duration", () => {
    expect(resolveFrameTime(1.5, video)).toBe(1.5);
    expect(resolveFrameTime("2", video)).toBe(2);
    expect(resolveFrameTime("50%", video)).toBe(1.5);
    expect(resolveFrameTime("", video)).toBe(0);
  });

  it("clamps past the end to the last frame", () => {
    expect(resolveFrameTime(99, video)).toBeCloseTo(2.96, 5);
    expect(resolveFrameTime("100%", video)).toBeCloseTo(2.96, 5);
  });

  it("needs a duration for a percentage", () => {
    expect(() => resolveFrameTime("50%", { durationMs: null, fps: null })).toThrow(/duration is unknown/);
    expect(resolveFrameTime(4, { durationMs: null, fps: null })).toBe(4);
  });
});

describe("frameNotice", () => {
  it("says where the frame was taken, how long the clip is and what was asked for", () => {
    const clip = { durationMs: 5000, fps: 30 };
    expect(frameNotice(resolveFrameTime(99, clip), 99, clip)).toBe("frame at 4.97 s — the clip is 5.0 s long (asked for 99 s)");
    expect(frameNotice(resolveFrameTime("150%", clip), "150%", clip)).toBe("frame at 4.97 s — the clip is 5.0 s long (asked for 150%)");
  });
});
