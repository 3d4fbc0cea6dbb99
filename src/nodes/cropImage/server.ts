import "server-only";
import { noticesMeta } from "@/contracts/result-notices";
import { assetUrl, createAssetFromBytes, readAssetBytes } from "@/server/assets";
import { cropImage } from "@/server/media/crop-image";
import type { NodeExecutor } from "../types";
import type { cropImageNode } from "./definition";

/** Crops the user's own image (by percent; rounding documented in `crop-image.ts`) and stores the result as an Asset; a box cut to fit is said in `meta.notices`. */
export const execute: NodeExecutor<typeof cropImageNode> = async (input, ctx) => {
  const { bytes, asset: source } = await readAssetBytes(ctx.userId, input.image_url);
  if (source.kind !== "image") throw new Error("the input is a video, not an image: connect an image");
  const cropped = await cropImage(bytes, input, ctx.signal);
  const asset = await createAssetFromBytes(ctx.userId, cropped.bytes, {
    kind: "image",
    mime: cropped.mime,
    source: "generated",
    runId: ctx.runId,
    signal: ctx.signal,
  });
  ctx.log("info", `cropped ${cropped.source.width}×${cropped.source.height} to ${cropped.box.width}×${cropped.box.height}`, {
    box: cropped.box,
  });
  for (const notice of cropped.notices) ctx.log("warning", notice);
  return {
    outputs: { image: assetUrl(asset) },
    meta: {
      assetId: asset.id,
      width: cropped.box.width,
      height: cropped.box.height,
      left: cropped.box.left,
      top: cropped.box.top,
      sourceWidth: cropped.source.width,
      sourceHeight: cropped.source.height,
      mime: cropped.mime,
      ...noticesMeta(cropped.notices),
    },
  };
};
