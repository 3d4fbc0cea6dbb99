import { z } from "zod";
import { ZAnnotationColor } from "../annotation-colors";
import { defineNode } from "../types";

export const MAX_NOTE_CHARS = 20_000;

export const ZNoteData = z.looseObject({
  text: z.string().max(MAX_NOTE_CHARS).optional(),
  color: ZAnnotationColor.optional(),
});

/** A Markdown sticky note: drawn on the canvas only, never run (`canvasOnly`). */
export const noteNode = defineNode({
  type: "note",
  label: "Note",
  description: "A sticky note in Markdown, to explain a workflow. Never runs.",
  icon: "M5 4h14v11l-5 5H5zM14 20v-5h5M8 9h8M8 12h5",
  color: "#facc15",
  sidebar: { section: "Canvas", order: 1 },
  canvasOnly: true,
  inlineResult: false,
  inputs: {},
  outputs: {},
  data: ZNoteData,
  resolved: z.object({}),
  defaults: { text: "" },
  initialSize: { width: 260, height: 180 },
  component: () => import("./component"),
});
