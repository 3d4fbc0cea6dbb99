/**
 * Fits the view to the graph once, as the canvas opens, when React Flow's pane exists and has its
 * size. React Flow's own `fitView` prop fits at its first `setNodes` when every node has a size;
 * with guessed sizes (`estimated-size.ts`) that is before the pane exists, and the fit is dropped.
 */
import { useReactFlow, useStore, type FitViewOptions, type ReactFlowState } from "@xyflow/react";
import { useEffect, useRef } from "react";

const paneReady = (s: ReactFlowState) => s.panZoom !== null && s.width > 0 && s.height > 0;

export function useFitOnOpen(enabled: boolean, options: FitViewOptions): void {
  const ready = useStore(paneReady);
  const { fitView } = useReactFlow();
  const done = useRef(false);
  useEffect(() => {
    if (!enabled || !ready || done.current) return;
    done.current = true;
    void fitView(options);
  }, [enabled, ready, fitView, options]);
}
