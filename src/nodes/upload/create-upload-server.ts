/** The server side of an upload node: its asset must exist, be the caller's and be of the node's kind. */
import "server-only";
import { assetUrl } from "@/server/assets/asset-url";
import { findOwnedAsset } from "@/server/assets/find-owned-asset";
import type { NodeServer } from "../types";
import { UPLOAD_KIND_LABEL, type UploadKind, type UploadNode } from "./define-upload-node";

const A: Record<UploadKind, string> = { image: "an image", video: "a video" };

export function createUploadServer(node: UploadNode): NodeServer<UploadNode> {
  const { kind } = node.upload;
  return {
    /** Resolves the upload to its URL; a missing (or someone else's) asset fails clearly. */
    execute: async (input, ctx) => {
      const asset = await findOwnedAsset(ctx.userId, input.assetId);
      if (!asset) throw new Error(`the uploaded ${kind} is gone (deleted, or not yours): upload it again`);
      if (asset.kind !== kind) throw new Error(`this upload is ${A[asset.kind]}: use an Upload ${UPLOAD_KIND_LABEL[asset.kind]} node`);
      const { id: assetId, width, height, mime, size } = asset;
      return {
        outputs: { [kind]: assetUrl(asset) },
        meta: { assetId, width, height, ...(kind === "video" && { durationMs: asset.durationMs }), mime, size },
      };
    },

    checkReady: async ({ assetId }, { userId }) => {
      if (!assetId) return []; // "no … uploaded yet" is the engine's to report
      const asset = await findOwnedAsset(userId, assetId);
      if (!asset) return [{ field: "assetId", message: `the uploaded ${kind} no longer exists; upload it again` }];
      if (asset.kind !== kind) return [{ field: "assetId", message: `the uploaded file is a ${asset.kind}, not a ${kind}` }];
      return [];
    },
  };
}
