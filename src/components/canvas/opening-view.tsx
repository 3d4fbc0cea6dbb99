/**
 * Sets the view a workflow opens at, once its nodes are measured: the pan and zoom kept for
 * it, else a readable first view (`lib/canvas/first-view.ts`). The minimap starts hidden when
 * it would cover a node of that view. Rendered inside <ReactFlow>, so the pane exists.
 */
"use client";
import { useNodesInitialized, useReactFlow, useStore, useStoreApi, type Viewport } from "@xyflow/react";
import { useEffect, useRef, useState } from "react";
import { coversAny, firstView } from "@/lib/canvas/first-view";
import type { Rect } from "@/lib/canvas/rect";
import { readKeptView } from "@/lib/client/kept-views";
import { useGraphStore } from "@/stores/graph-store";
import { useUiStore } from "@/stores/ui-store";

/** React Flow's minimap: 200 × 150 in the bottom-right corner, 15 px in. */
const MINIMAP = { width: 200, height: 150, margin: 15 };
/**
 * Nodes drawn only when on screen are never all measured; those not measured have guessed sizes
 * (estimated-size.ts). A small graph is measured within a frame or two: wait that long at most.
 * A big one opens on its guessed sizes at once (most of it is off screen, never measured).
 */
const MEASURE_WAIT_MS = 200;
const SMALL_GRAPH = 60;
const UNMEASURED = { width: 300, height: 300 };

export function OpeningView({ workflowId, onReady }: { workflowId: string | null; onReady: (view: Viewport) => void }) {
  const flow = useReactFlow();
  const store = useStoreApi();
  const paneReady = useStore((s) => !!s.panZoom);
  const measured = useNodesInitialized();
  const count = useStore((s) => s.nodeLookup.size);
  const [waited, setWaited] = useState(false);
  const done = useRef(false);

  useEffect(() => {
    const timer = setTimeout(() => setWaited(true), MEASURE_WAIT_MS);
    return () => clearTimeout(timer);
  }, []);

  useEffect(() => {
    const { nodeLookup, width, height } = store.getState();
    // The graph's nodes reach React Flow's store an effect later than this one may run.
    const expecting = useGraphStore.getState().nodes.length > 0;
    if (done.current || !paneReady || (expecting && (count === 0 || (!waited && !measured && count <= SMALL_GRAPH)))) return;
    done.current = true;
    const boxes: Rect[] = [...nodeLookup.values()].map((n) => ({
      x: n.internals.positionAbsolute.x,
      y: n.internals.positionAbsolute.y,
      // A node not drawn yet has the size guessed for it (estimated-size.ts).
      width: n.measured.width ?? n.initialWidth ?? UNMEASURED.width,
      height: n.measured.height ?? n.initialHeight ?? UNMEASURED.height,
    }));
    const minimap = { x: width - MINIMAP.width - MINIMAP.margin, y: height - MINIMAP.height - MINIMAP.margin, width: MINIMAP.width, height: MINIMAP.height };
    const kept = workflowId ? readKeptView(workflowId) : null;
    const opening = kept ? { view: kept, minimap: !coversAny(minimap, boxes, kept) } : firstView(boxes, { width, height }, minimap);
    void flow.setViewport(opening.view);
    useUiStore.getState().set({ minimapOpen: opening.minimap });
    onReady(opening.view);
  }, [flow, store, paneReady, measured, count, waited, workflowId, onReady]);

  return null;
}
