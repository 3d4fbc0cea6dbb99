/** A node type chosen in the palette: added where the palette was opened and, for a dropped wire, connected to it — one undo step. */
import type { ReactFlowInstance } from "@xyflow/react";
import { compatiblePort } from "@/nodes/compatible-ports";
import { nodeCatalogue } from "@/nodes/registry";
import { useGraphStore } from "@/stores/graph-store";
import { toast } from "@/stores/toast-store";
import { addNodeAtCenter, addNodeNear } from "../add-node";
import type { PaletteRequest } from "./overlays";

export function addFromPalette(type: string, request: PaletteRequest, flow: Pick<ReactFlowInstance, "screenToFlowPosition" | "getInternalNode">): void {
  const { at, wire } = request;
  if (!at) return addNodeAtCenter(type, flow);
  // A wire from an output lands on the new node's inputs (its left side); one from an input on its outputs.
  const id = addNodeNear(type, flow, at, wire ? (wire.from === "source" ? "left" : "right") : "center");
  const port = wire && compatiblePort(nodeCatalogue.get(type)!, wire);
  if (!wire || !port) return;
  // Same tick as the add: the graph store makes both one undo step.
  const check = useGraphStore
    .getState()
    .connect(wire.from === "source" ? { source: wire.nodeId, sourceHandle: wire.handleId, target: id, targetHandle: port } : { source: id, sourceHandle: port, target: wire.nodeId, targetHandle: wire.handleId });
  if (!check.ok) toast(check.reason, "error");
}
