/** The graph's wire format in answers: the engine's node and edge schemas, named for the API document. */
import { ZGraphEdge, ZGraphNode } from "@/engine/graph-schema";
import { z } from "zod";

export const ZWireNode = ZGraphNode.meta({
  id: "GraphNode",
  description: "A node as React Flow holds it: {id, type, position, data}; UI-only keys pass through",
});

export const ZWireEdge = ZGraphEdge.meta({
  id: "GraphEdge",
  description: "An edge from an output (sourceHandle) to an input (targetHandle)",
});

export const ZWireGraph = z.object({ nodes: z.array(ZWireNode), edges: z.array(ZWireEdge) });
