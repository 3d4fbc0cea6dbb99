/** Builds what a command acts on: the place (menu or pointer, in flow units) and the nodes (given, else the selection). */
import type { XYPosition } from "@xyflow/react";
import { useGraphStore } from "@/stores/graph-store";
import type { CommandContext } from "./command-types";
import { lastPointer } from "./pointer";

export function commandContext(flow: CommandContext["flow"], options: { atScreen?: XYPosition | null; nodeIds?: string[] } = {}): CommandContext {
  const screen = options.atScreen === undefined ? lastPointer() : options.atScreen;
  return {
    flow,
    at: screen ? flow.screenToFlowPosition(screen) : null,
    nodeIds: options.nodeIds ?? useGraphStore.getState().nodes.filter((n) => n.selected).map((n) => n.id),
  };
}
