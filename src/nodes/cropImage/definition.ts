import { z } from "zod";
import { defineNode } from "../types";

const percent = z.number().min(0).max(100);

export const ZCropData = z.looseObject({
  x_percent: percent.optional(),
  y_percent: percent.optional(),
  width_percent: percent.optional(),
  height_percent: percent.optional(),
});

export const cropImageNode = defineNode({
  type: "cropImage",
  label: "Crop Image",
  description: "Crop an image by a box given in percent of its size.",
  icon: "M6 2v16h16M2 6h16v16",
  color: "#34d399",
  sidebar: { section: "Media", order: 1 },
  inputs: {
    image_url: { type: "image", label: "Image", required: true },
    x_percent: { type: "number", label: "X %" },
    y_percent: { type: "number", label: "Y %" },
    width_percent: { type: "number", label: "Width %" },
    height_percent: { type: "number", label: "Height %" },
  },
  outputs: { image: { type: "image", label: "Image" } },
  data: ZCropData,
  resolved: z.object({
    image_url: z.string({ error: "connect an image" }).min(1, "connect an image"),
    x_percent: percent.default(0),
    y_percent: percent.default(0),
    width_percent: percent.default(100),
    height_percent: percent.default(100),
  }),
  defaults: { x_percent: 0, y_percent: 0, width_percent: 100, height_percent: 100 },
  component: () => import("./component"),
});
