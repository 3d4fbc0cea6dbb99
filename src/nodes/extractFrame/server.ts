import "server-only";
import { noticesMeta } from "@/contracts/result-notices";
import { assetUrl, createAssetFromBytes, openAssetFile } from "@/server/assets";
import { extractVideoFrame } from "@/server/media/extract-video-frame";
import { readImageInfo } from "@/server/media/read-image-info";
import type { NodeExecutor } from "../types";
import type { extractFrameNode } from "./definition";

/** Takes one frame (PNG) of the user's own video with ffmpeg and stores it as an Asset; a time moved to fit the clip is said in `meta.notices`. */
export const execute: NodeExecutor<typeof extractFrameNode> = async (input, ctx) => {
  const file = await openAssetFile(ctx.userId, input.video_url, ctx.signal);
  try {
    if (file.asset.kind !== "video") throw new Error("the input is an image, not a video: connect a video");
    const frame = await extractVideoFrame(file.path, input.timestamp, { signal: ctx.signal });
    const info = await readImageInfo(frame.png);
    const asset = await createAssetFromBytes(ctx.userId, frame.png, {
      kind: "image",
      mime: "image/png",
      source: "generated",
      runId: ctx.runId,
      signal: ctx.signal,
    });
    ctx.log("info", `frame at ${frame.seconds.toFixed(3)} s`, { requested: input.timestamp });
    for (const notice of frame.notices) ctx.log("warning", notice);
    return {
      outputs: { image: assetUrl(asset) },
      meta: {
        assetId: asset.id,
        width: info?.width ?? null,
        height: info?.height ?? null,
        seconds: frame.seconds,
        durationMs: frame.video.durationMs,
        ...noticesMeta(frame.notices),
      },
    };
  } finally {
    await file.release();
  }
};
