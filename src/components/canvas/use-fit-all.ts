/**
 * Fits the whole graph in view, now. React Flow's `fitView` waits for a render in which every
 * node is measured, and nodes out of view are never drawn (so never measured): on a big graph its
 * Fit View button did nothing. Here each node counts at its measured size, else the size guessed
 * for it (`estimated-size.ts`).
 */
"use client";
import { getViewportForBounds, useReactFlow, useStoreApi } from "@xyflow/react";
import { useCallback } from "react";

const PADDING = 0.2;

export function useFitAll(): () => void {
  const store = useStoreApi();
  const flow = useReactFlow();
  return useCallback(() => {
    const { width, height, minZoom, maxZoom } = store.getState();
    const nodes = flow.getNodes();
    if (nodes.length === 0 || width === 0 || height === 0) return;
    const view = getViewportForBounds(flow.getNodesBounds(nodes), width, height, minZoom, Math.min(maxZoom, 1), PADDING);
    void flow.setViewport(view, { duration: 200 });
  }, [store, flow]);
}
