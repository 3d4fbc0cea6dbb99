import "server-only";
import { assetUrl, findOwnedAsset } from "@/server/assets";
import type { NodeExecutor } from "../types";
import type { uploadVideoNode } from "./definition";

/** Resolves the uploaded video to its URL; a missing (or someone else's) asset fails clearly. */
export const execute: NodeExecutor<typeof uploadVideoNode> = async (input, ctx) => {
  const asset = await findOwnedAsset(ctx.userId, input.assetId);
  if (!asset) throw new Error("the uploaded video is gone (deleted, or not yours): upload it again");
  if (asset.kind !== "video") throw new Error("this upload is an image: use an Upload Image node");
  return {
    outputs: { video: assetUrl(asset) },
    meta: {
      assetId: asset.id,
      width: asset.width,
      height: asset.height,
      durationMs: asset.durationMs,
      mime: asset.mime,
      size: asset.size,
    },
  };
};
