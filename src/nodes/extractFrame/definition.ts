import { z } from "zod";
import { defineNode } from "../types";

/** Seconds ("2.5") or a percentage of the duration ("50%"), as typed. */
const TIMESTAMP_TEXT = /^\d+(\.\d+)?%?$/;

/** Seconds (a number, or a numeric string) or a percentage of the duration ("50%"). */
export const ZTimestamp = z.union([
  z.number().min(0),
  z
    .string()
    .trim()
    .refine((t) => t === "" || TIMESTAMP_TEXT.test(t), 'use seconds (e.g. 2.5) or a percentage (e.g. "50%")'),
]);

/**
 * What a typed timestamp saves as: seconds as a number, a percentage as its string,
 * empty as 0; undefined when the text is neither.
 */
export function parseTimestampText(text: string): number | string | undefined {
  const t = text.trim();
  if (t === "") return 0;
  if (!TIMESTAMP_TEXT.test(t)) return undefined;
  return t.endsWith("%") ? t : Number(t);
}

export const extractFrameNode = defineNode({
  type: "extractFrame",
  label: "Extract Frame",
  description: "Take one frame of a video, at a time in seconds or a percentage.",
  icon: "M4 4h16v16H4zM8 4v16M16 4v16M4 9h4M4 15h4M16 9h4M16 15h4",
  color: "#34d399",
  sidebar: { section: "Media", order: 2 },
  inputs: {
    video_url: { type: "video", label: "Video", required: true },
    timestamp: { type: "number", label: "Timestamp" },
  },
  outputs: { image: { type: "image", label: "Frame" } },
  data: z.looseObject({ timestamp: ZTimestamp.optional() }),
  resolved: z.object({
    video_url: z.string({ error: "connect a video" }).min(1, "connect a video"),
    timestamp: ZTimestamp.default(0),
  }),
  defaults: { timestamp: 0 },
  component: () => import("./component"),
});
