/** Every node type by name. Client-safe; the one list the canvas, validator and engine share. */
import { cropImageNode } from "./cropImage/definition";
import { extractFrameNode } from "./extractFrame/definition";
import { llmNode, visionNode } from "./llm/definition";
import { textNode } from "./text/definition";
import type { NodeDefinition } from "./types";
import { uploadImageNode } from "./uploadImage/definition";
import { uploadVideoNode } from "./uploadVideo/definition";

export const NODE_DEFINITIONS = {
  text: textNode,
  uploadImage: uploadImageNode,
  uploadVideo: uploadVideoNode,
  llm: llmNode,
  vision: visionNode,
  cropImage: cropImageNode,
  extractFrame: extractFrameNode,
} satisfies Record<string, NodeDefinition>;

export type NodeType = keyof typeof NODE_DEFINITIONS;

/** The six types offered in the editor's quick-access bar (`vision` is an alias of `llm`). */
export const QUICK_ACCESS_TYPES: NodeType[] = ["text", "uploadImage", "uploadVideo", "llm", "cropImage", "extractFrame"];

export function isNodeType(type: string): type is NodeType {
  return Object.prototype.hasOwnProperty.call(NODE_DEFINITIONS, type);
}

export function getNodeDefinition(type: string): NodeDefinition | undefined {
  return isNodeType(type) ? NODE_DEFINITIONS[type] : undefined;
}
