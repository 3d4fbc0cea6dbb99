/** A graph preview as the list answers it: every box sized, those the graph does not size guessed from their type. */
import type { TWorkflowPreview } from "@/contracts/workflow";
import { estimatedNodeSize } from "@/lib/canvas/estimated-node-size";
import type { RawPreview } from "./graph-preview-sql";

export function toPublicPreview(raw: RawPreview): TWorkflowPreview {
  return {
    nodeCount: raw.nodeCount,
    nodes: raw.nodes.map(({ x, y, w, h, type }) => {
      const guess = w === null || h === null ? estimatedNodeSize(type) : null;
      return { x, y, w: w ?? guess!.width, h: h ?? guess!.height, type };
    }),
    edges: raw.edges,
  };
}
