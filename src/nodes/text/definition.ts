import { z } from "zod";
import { defineNode } from "../types";

export const ZTextData = z.looseObject({ text: z.string().max(1_000_000).optional() });

export const textNode = defineNode({
  type: "text",
  label: "Text",
  description: "A block of text to feed prompts.",
  icon: "T",
  inputs: {},
  outputs: { text: { type: "text", label: "Text" } },
  data: ZTextData,
  resolved: z.object({ text: z.string().default("") }),
  defaults: { text: "" },
});
