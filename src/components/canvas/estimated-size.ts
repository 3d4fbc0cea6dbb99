/**
 * A size and handle places for each node React Flow has not measured yet, guessed from its
 * definition. React Flow draws every unmeasured node once to measure it, even with
 * `onlyRenderVisibleElements`, and fits the view only after: opening a 500-node workflow drew 500
 * nodes before anything showed. With a guess it fits the view at once and draws only the nodes in
 * view; a node drawn is measured, and from then on its real size and handles are used (a measured
 * node passes through unchanged). The guess only places edges to nodes off screen.
 */
import type { Node, NodeHandle } from "@xyflow/react";
import { Position } from "@xyflow/react";
import { nodeCatalogue } from "@/nodes/registry";

/** `NodeShell`'s fixed width; the rest are rough row heights. */
const WIDTH = 300;
const HEADER = 41;
const INPUT_ROW = 84;
const OUTPUT_ROW = 24;
const HANDLE = 12;
/** The fixed result area under a node that shows its result inline (result-area.tsx), below its outputs. */
const RESULT_AREA = 230;

export interface Estimate {
  initialWidth: number;
  initialHeight: number;
  handles: NodeHandle[];
}

const byType = new Map<string, Estimate>();

/** The guessed size and handles of a node type (also the zoomed-out outline's: `node-outline.tsx`). */
export function estimateFor(type: string): Estimate {
  let estimate = byType.get(type);
  if (!estimate) {
    const definition = nodeCatalogue.get(type);
    const inputs = Object.keys(definition?.inputs ?? {});
    const outputs = Object.keys(definition?.outputs ?? {});
    const bodyHeight = inputs.length * INPUT_ROW;
    const handles: NodeHandle[] = [
      ...inputs.map((id, i) => ({
        id,
        type: "target" as const,
        position: Position.Left,
        x: -HANDLE / 2,
        y: HEADER + i * INPUT_ROW + 14,
        width: HANDLE,
        height: HANDLE,
      })),
      ...outputs.map((id, i) => ({
        id,
        type: "source" as const,
        position: Position.Right,
        x: WIDTH - HANDLE / 2,
        y: HEADER + bodyHeight + i * OUTPUT_ROW + 6,
        width: HANDLE,
        height: HANDLE,
      })),
    ];
    const resizable = definition?.initialSize;
    estimate = resizable ? { initialWidth: resizable.width, initialHeight: resizable.height, handles } : {
      initialWidth: WIDTH,
      initialHeight: HEADER + bodyHeight + outputs.length * OUTPUT_ROW + 12 + (definition?.inlineResult !== false && outputs.length > 0 ? RESULT_AREA : 0),
      handles,
    };
    byType.set(type, estimate);
  }
  return estimate;
}

/** Keeps each node's handed-over copy while the node object is the same, so React Flow sees no change. */
const copies = new WeakMap<Node, Node>();

/**
 * The nodes as handed to React Flow: unmeasured ones with a guessed size and handles. A node React
 * Flow has measured before but that comes back without `measured` (undo to an earlier graph, a
 * restored version or draft) gets its measured size back instead, so its real handles stay in use:
 * a guess would stick, since React Flow does not measure a node again while its size is unchanged.
 */
export function withEstimatedSizes(nodes: Node[], measuredBefore: (id: string) => Node["measured"]): Node[] {
  return nodes.map((node) => {
    if (node.measured?.width !== undefined || node.handles) return node;
    let copy = copies.get(node);
    if (!copy) {
      const measured = measuredBefore(node.id);
      copy =
        measured?.width !== undefined ? { ...node, measured } : { ...node, ...estimateFor(node.type ?? "") };
      copies.set(node, copy);
    }
    return copy;
  });
}
