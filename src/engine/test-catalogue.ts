/**
 * A tiny catalogue for the engine's tests: five made-up node types shaped like the app's
 * (a text source, an upload, a model call with a many-valued input, an image tool, a
 * canvas-only sticky), so the engine is tested without the app's node definitions.
 */
import { z } from "zod";
import { createCatalogue, type NodeSpec } from "./node-catalogue";

const percent = z.number().min(0).max(100);

/** Outputs its text. */
const note: NodeSpec = {
  type: "note",
  inputs: {},
  outputs: { text: { type: "text" } },
  data: z.looseObject({ text: z.string().max(1000).optional() }),
  resolved: z.object({ text: z.string().default("") }),
};

/** An uploaded picture: ready once one is set. */
const picture: NodeSpec = {
  type: "picture",
  inputs: {},
  outputs: { image: { type: "image" } },
  data: z.looseObject({ assetId: z.string().min(1).nullish() }),
  resolved: z.object({ assetId: z.string({ error: "no picture yet" }).min(1, "no picture yet") }),
};

/** A prompt (required), an optional system text and any number of images. */
const reply: NodeSpec = {
  type: "reply",
  inputs: {
    system: { type: "text" },
    prompt: { type: "text", required: true },
    images: { type: "image", many: true },
  },
  outputs: { reply: { type: "text" } },
  data: z.looseObject({ system: z.string().optional(), prompt: z.string().optional(), temperature: z.number().min(0).max(2).optional() }),
  resolved: z.object({
    system: z.string().optional(),
    prompt: z.string({ error: "prompt is required" }).trim().min(1, "prompt is required"),
    images: z.array(z.string()).default([]),
    temperature: z.number().optional(),
  }),
};

/** An image (required) and two numbers that can be typed or connected. */
const trim: NodeSpec = {
  type: "trim",
  inputs: { image: { type: "image", required: true }, percent: { type: "number" }, margin: { type: "number" } },
  outputs: { image: { type: "image" } },
  data: z.looseObject({ percent: percent.optional(), margin: percent.optional() }),
  resolved: z.object({
    image: z.string({ error: "connect an image" }).min(1, "connect an image"),
    percent: percent.default(0),
    margin: percent.default(0),
  }),
};

/** Drawn on the canvas only, like the app's notes and frames: validated, never run. */
const sticky: NodeSpec = {
  type: "sticky",
  canvasOnly: true,
  inputs: {},
  outputs: {},
  data: z.looseObject({ text: z.string().max(100).optional() }),
  resolved: z.object({}),
};

export const testCatalogue = createCatalogue([note, picture, reply, trim, sticky]);
