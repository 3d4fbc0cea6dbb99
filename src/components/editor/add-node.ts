/** Adds a node near the middle of the visible canvas, in the nearest free space (never on top of another node). */
import type { ReactFlowInstance } from "@xyflow/react";
import { findFreeSpot } from "@/lib/canvas/free-spot";
import type { Rect } from "@/lib/canvas/rect";
import { readProviders } from "@/lib/client/queries/integrations";
import { getQueryClient } from "@/lib/client/queries/query-client";
import { nodeCatalogue } from "@/nodes/registry";
import { useGraphStore } from "@/stores/graph-store";

/** A node not measured yet is taken to be this big (about an LLM node with its result area). */
const UNMEASURED = { width: 300, height: 400 };

type Flow = Pick<ReactFlowInstance, "screenToFlowPosition" | "getInternalNode">;

/** What the type lays over its defaults when added now (an LLM node starts on a configured provider). */
export function initialData(type: string): Record<string, unknown> | undefined {
  return nodeCatalogue.get(type)?.initialData?.({ providers: readProviders(getQueryClient()) });
}

/** How long an add made while the canvas opens waits for its opening view before going ahead. */
const OPENING_WAIT_MS = 3000;

export function addNodeAtCenter(type: string, flow: Flow): void {
  const canvas = document.querySelector<HTMLElement>('[data-testid="canvas"]');
  // Before the opening view is set, the view's centre is not where the person will be looking.
  if (canvas?.dataset.view !== "opening") return void addNow(type, flow, canvas);
  const go = () => {
    observer.disconnect();
    clearTimeout(timer);
    addNow(type, flow, canvas);
  };
  const observer = new MutationObserver(() => canvas.dataset.view !== "opening" && go());
  observer.observe(canvas, { attributes: true, attributeFilter: ["data-view"] });
  const timer = setTimeout(go, OPENING_WAIT_MS);
}

function addNow(type: string, flow: Flow, canvas: HTMLElement | null): string {
  const rect = canvas?.getBoundingClientRect();
  const center = flow.screenToFlowPosition(rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : { x: 400, y: 300 });
  return addNodeNear(type, flow, center, "center");
}

/**
 * Adds a node of `type` as near `at` (flow units) as free space allows and returns its id. `anchor`
 * says which part of the node sits at `at`: its centre, or (for a wire dropped there) the middle
 * of its left edge, where inputs are, or of its right edge, where outputs are.
 */
export function addNodeNear(type: string, flow: Flow, at: { x: number; y: number }, anchor: "center" | "left" | "right"): string {
  const canvas = document.querySelector<HTMLElement>('[data-testid="canvas"]');
  const rect = canvas?.getBoundingClientRect();
  const { nodes } = useGraphStore.getState();
  const boxes: (Rect & { type?: string })[] = nodes.map((n) => {
    const measured = flow.getInternalNode(n.id)?.measured;
    return { type: n.type, x: n.position.x, y: n.position.y, width: measured?.width ?? UNMEASURED.width, height: measured?.height ?? UNMEASURED.height };
  });
  // A node of the same type already drawn tells the new one's size best.
  const same = boxes.find((b) => b.type === type && b.height !== UNMEASURED.height);
  const size = same ? { width: same.width, height: same.height } : UNMEASURED;
  // The part of the canvas in view, in flow units: a crowded view gets the node at its centre, not off screen.
  const topLeft = rect && flow.screenToFlowPosition({ x: rect.left, y: rect.top });
  const bottomRight = rect && flow.screenToFlowPosition({ x: rect.right, y: rect.bottom });
  const view = topLeft && bottomRight ? { x: topLeft.x, y: topLeft.y, width: bottomRight.x - topLeft.x, height: bottomRight.y - topLeft.y } : undefined;
  // Ports sit near the top of a node: a wire's end lands by the header, not half a node down.
  const want =
    anchor === "center" ? { x: at.x - size.width / 2, y: at.y - size.height / 2 } : { x: anchor === "left" ? at.x : at.x - size.width, y: at.y - 60 };
  const spot = findFreeSpot(want, size, boxes, view);
  return useGraphStore.getState().addNode(type, spot, initialData(type));
}
