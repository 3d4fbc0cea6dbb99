import { defineUploadNode } from "../upload/define-upload-node";

export const uploadImageNode = defineUploadNode({
  type: "uploadImage",
  kind: "image",
  label: "Upload Image",
  description: "An image you upload (jpg, png, webp, gif).",
  icon: "M4 5h16v14H4zM4 16l5-5 4 4 3-3 4 4M15.5 9.5h.01",
  color: "#34d399",
  order: 2,
  extensions: ["jpg", "jpeg", "png", "webp", "gif"],
});
