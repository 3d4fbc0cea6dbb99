import { z } from "zod";
import { defineNode } from "../types";

export const IMAGE_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"] as const;

export const ZUploadData = z.looseObject({ assetId: z.string().min(1).max(100).nullish() });

export const uploadImageNode = defineNode({
  type: "uploadImage",
  label: "Upload Image",
  description: "An image you upload (jpg, png, webp, gif).",
  icon: "🖼",
  inputs: {},
  outputs: { image: { type: "image", label: "Image" } },
  data: ZUploadData,
  resolved: z.object({ assetId: z.string({ error: "no image uploaded yet" }).min(1, "no image uploaded yet") }),
  defaults: { assetId: null },
});
