import { z } from "zod";
import { MAX_TEXT_FIELD_CHARS } from "@/contracts/limits";
import { defineNode } from "../types";

export const ZTextData = z.looseObject({ text: z.string().max(MAX_TEXT_FIELD_CHARS).optional() });

export const textNode = defineNode({
  type: "text",
  label: "Text",
  description: "A block of text to feed prompts.",
  icon: "M4 6V4h16v2M12 4v16M9 20h6",
  color: "#60a5fa",
  sidebar: { section: "Inputs", order: 1 },
  inlineResult: false,
  inputs: {},
  outputs: { text: { type: "text", label: "Text" } },
  data: ZTextData,
  resolved: z.object({ text: z.string().default("") }),
  defaults: { text: "" },
  component: () => import("./component"),
});
