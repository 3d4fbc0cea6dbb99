/**
 * Every node type: one line each. Client-safe — the canvas, the validator and the server all
 * read this catalogue; the server finds each type's `server.ts` through `server-catalogue.ts`.
 */
import { createCatalogue } from "@/engine/node-catalogue";
import { cropImageNode } from "./cropImage/definition";
import { extractFrameNode } from "./extractFrame/definition";
import { frameNode } from "./frame/definition";
import { llmNode, visionNode } from "./llm/definition";
import { noteNode } from "./note/definition";
import { textNode } from "./text/definition";
import type { NodeDefinition } from "./types";
import { uploadImageNode } from "./uploadImage/definition";
import { uploadVideoNode } from "./uploadVideo/definition";

export const nodeCatalogue = createCatalogue<NodeDefinition>([
  textNode,
  uploadImageNode,
  uploadVideoNode,
  llmNode,
  visionNode,
  cropImageNode,
  extractFrameNode,
  noteNode,
  frameNode,
]);
