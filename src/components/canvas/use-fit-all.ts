/**
 * Fits the whole graph in view, now. React Flow's `fitView` waits for a render in which every
 * node is measured, and nodes out of view are never drawn (so never measured): on a big graph its
 * Fit View button did nothing. Here each node counts at its measured size, else the size guessed
 * for it (`estimated-size.ts`).
 */
"use client";
import { getViewportForBounds, useReactFlow, useStoreApi, type ReactFlowInstance } from "@xyflow/react";
import { useCallback } from "react";

const PADDING = 0.2;
/** The canvas's zoom range; fitting never zooms in past 1, so a small graph keeps its real size. */
export const CANVAS_ZOOM = { min: 0.1, max: 2 };

type Fittable = Pick<ReactFlowInstance, "getNodes" | "getNodesBounds" | "setViewport">;

/** Fits every node into a canvas `size` pixels big. */
export function fitAllNodes(flow: Fittable, size: { width: number; height: number }, zoom = CANVAS_ZOOM): void {
  const nodes = flow.getNodes();
  if (nodes.length === 0 || size.width === 0 || size.height === 0) return;
  const view = getViewportForBounds(flow.getNodesBounds(nodes), size.width, size.height, zoom.min, Math.min(zoom.max, 1), PADDING);
  void flow.setViewport(view, { duration: 200 });
}

export function useFitAll(): () => void {
  const store = useStoreApi();
  const flow = useReactFlow();
  return useCallback(() => {
    const { width, height, minZoom, maxZoom } = store.getState();
    fitAllNodes(flow, { width, height }, { min: minZoom, max: maxZoom });
  }, [store, flow]);
}
