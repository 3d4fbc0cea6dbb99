/**
 * The wire format of a graph: React Flow's node and edge shape, so the canvas state is
 * saved as is. Extra keys React Flow adds (`measured`, `selected`, `width`…) pass through.
 */
import { z } from "zod";

const ZId = z.string().min(1).max(100);

export const ZGraphNode = z.looseObject({
  id: ZId,
  type: z.string().min(1).max(100),
  position: z.object({ x: z.number(), y: z.number() }),
  data: z.record(z.string(), z.unknown()).default({}),
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
