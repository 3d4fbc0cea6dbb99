/**
 * The edges handed to React Flow: none until the opening view is set (the canvas is hidden until
 * then, and drawing wires for a view about to change was wasted work), then each port's wires to
 * nodes off screen folded into one bundle (`lib/canvas/fan-bundles.ts`) — all its wires when zoomed
 * out to outlines — by the view last settled on. The list keeps its array while typing or running
 * moves no node in or out of view.
 */
import { useStore, type Edge, type Node, type Viewport } from "@xyflow/react";
import { useCallback, useMemo, useState } from "react";
import { bundleFans, nodesInView, viewRect } from "@/lib/canvas/fan-bundles";
import { OUTLINE_BELOW_ZOOM } from "./node-outline";

export function useFanBundles(nodes: Node[], edges: Edge[]): { edges: Edge[]; noteView: (view: Viewport) => void } {
  const [view, setView] = useState<Viewport | null>(null);
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const inViewKey = useMemo(
    () => (view ? nodesInView(nodes, viewRect(view, width, height)).join("\n") : null),
    [nodes, view, width, height],
  );
  // Where nodes are outlines (node-outline.tsx), wires cannot be aimed at: every wire of a big fan is bundled.
  const everyWire = view !== null && view.zoom < OUTLINE_BELOW_ZOOM;
  const drawn = useMemo(
    () => (inViewKey === null ? [] : bundleFans(edges, new Set(inViewKey.split("\n")), { everyWire })),
    [edges, inViewKey, everyWire],
  );
  const noteView = useCallback((v: Viewport) => setView(v), []);
  return { edges: drawn, noteView };
}
