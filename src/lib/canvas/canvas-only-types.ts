/**
 * Node types that live only on the canvas (DESIGN §9: a sticky `note`, a `frame` behind nodes), as
 * their definitions say (`canvasOnly`). They have no ports and never run; tools that arrange or
 * summarise the data flow (tidy up, dashboard previews) treat them apart.
 */
import { isCanvasOnly } from "@/engine/node-catalogue";
import { nodeCatalogue } from "@/nodes/registry";

export function isCanvasOnlyType(type: string | undefined): boolean {
  return type !== undefined && isCanvasOnly(nodeCatalogue, type);
}
