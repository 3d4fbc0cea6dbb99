import { z } from "zod";
import { defineNode } from "../types";
import { ZUploadData } from "../uploadImage/definition";

export const VIDEO_EXTENSIONS = ["mp4", "mov", "webm", "m4v"] as const;

export const uploadVideoNode = defineNode({
  type: "uploadVideo",
  label: "Upload Video",
  description: "A video you upload (mp4, mov, webm, m4v).",
  icon: "🎬",
  inputs: {},
  outputs: { video: { type: "video", label: "Video" } },
  data: ZUploadData,
  resolved: z.object({ assetId: z.string({ error: "no video uploaded yet" }).min(1, "no video uploaded yet") }),
  defaults: { assetId: null },
});
