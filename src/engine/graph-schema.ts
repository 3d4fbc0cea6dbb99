/**
 * The wire format of a graph: React Flow's node and edge shape, so the canvas state is
 * saved as is. Extra keys React Flow adds (`measured`, `selected`, `width`…) pass through.
 */
import { z } from "zod";

const ZId = z.string().min(1).max(100);

/** The longest name (`data.label`, DESIGN §9) a node may carry, in characters. */
export const MAX_NODE_LABEL_CHARS = 80;

/** A node's data: its params, free for its type to check, and the name people gave it. */
const ZNodeData = z.looseObject({ label: z.string().max(MAX_NODE_LABEL_CHARS, `a name may have at most ${MAX_NODE_LABEL_CHARS} characters`).optional() });

export const ZGraphNode = z.looseObject({
  id: ZId,
  type: z.string().min(1).max(100),
  position: z.object({ x: z.number(), y: z.number() }),
  data: ZNodeData.default({}),
});

export const ZGraphEdge = z.looseObject({
  id: ZId,
  source: ZId,
  sourceHandle: z.string().min(1).max(100),
  target: ZId,
  targetHandle: z.string().min(1).max(100),
});

export const ZGraph = z.object({
  nodes: z.array(ZGraphNode),
  edges: z.array(ZGraphEdge),
});

export type TGraphNode = z.infer<typeof ZGraphNode>;
export type TGraphEdge = z.infer<typeof ZGraphEdge>;
export type TGraph = z.infer<typeof ZGraph>;
