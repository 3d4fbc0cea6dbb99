import "server-only";
import { assetUrl, findOwnedAsset } from "@/server/assets";
import type { NodeExecutor } from "../types";
import type { uploadImageNode } from "./definition";

/** Resolves the uploaded image to its URL; a missing (or someone else's) asset fails clearly. */
export const execute: NodeExecutor<typeof uploadImageNode> = async (input, ctx) => {
  const asset = await findOwnedAsset(ctx.userId, input.assetId);
  if (!asset) throw new Error("the uploaded image is gone (deleted, or not yours): upload it again");
  if (asset.kind !== "image") throw new Error("this upload is a video: use an Upload Video node");
  return {
    outputs: { image: assetUrl(asset) },
    meta: { assetId: asset.id, width: asset.width, height: asset.height, mime: asset.mime, size: asset.size },
  };
};
