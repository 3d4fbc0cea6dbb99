/** React Flow's node types, at module scope so the canvas never re-creates them. */
import type { NodeTypes } from "@xyflow/react";
import { CropImageNode } from "@/nodes/cropImage/component";
import { ExtractFrameNode } from "@/nodes/extractFrame/component";
import { LlmNode } from "@/nodes/llm/component";
import type { NodeType } from "@/nodes/registry";
import { TextNode } from "@/nodes/text/component";
import { UploadImageNode } from "@/nodes/uploadImage/component";
import { UploadVideoNode } from "@/nodes/uploadVideo/component";

export const NODE_TYPES = {
  text: TextNode,
  uploadImage: UploadImageNode,
  uploadVideo: UploadVideoNode,
  llm: LlmNode,
  vision: LlmNode,
  cropImage: CropImageNode,
  extractFrame: ExtractFrameNode,
} satisfies Record<NodeType, NodeTypes[string]>;
