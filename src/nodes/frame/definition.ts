import { z } from "zod";
import { ZAnnotationColor } from "../annotation-colors";
import { defineNode } from "../types";

export const MAX_FRAME_TITLE_CHARS = 200;

export const ZFrameData = z.looseObject({
  title: z.string().max(MAX_FRAME_TITLE_CHARS).optional(),
  color: ZAnnotationColor.optional(),
});

/**
 * A titled rectangle behind nodes, to group part of a workflow: dragging it moves the nodes
 * inside (`stores/frame-drag.ts`). Drawn on the canvas only, never run (`canvasOnly`).
 */
export const frameNode = defineNode({
  type: "frame",
  label: "Frame",
  description: "A titled box behind nodes, to group them; moving it moves them. Never runs.",
  icon: "M4 8h16v12H4zM4 4h9v4",
  color: "#a78bfa",
  sidebar: { section: "Canvas", order: 2 },
  canvasOnly: true,
  inlineResult: false,
  inputs: {},
  outputs: {},
  data: ZFrameData,
  resolved: z.object({}),
  defaults: { title: "Frame" },
  initialSize: { width: 480, height: 320 },
  // Below every node even when selected (React Flow lifts a selected node by 1000).
  zIndex: -1001,
  component: () => import("./component"),
});
