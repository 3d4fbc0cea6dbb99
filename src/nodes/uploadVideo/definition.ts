import { defineUploadNode } from "../upload/define-upload-node";

export const uploadVideoNode = defineUploadNode({
  type: "uploadVideo",
  kind: "video",
  label: "Upload Video",
  description: "A video you upload (mp4, mov, webm, m4v).",
  icon: "M3 6h13v12H3zM16 10l5-3v10l-5-3",
  color: "#f472b6",
  order: 3,
  extensions: ["mp4", "mov", "webm", "m4v"],
});
