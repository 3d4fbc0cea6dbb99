/**
 * The view a workflow opens at when it has none of its own kept: the whole graph if it fits
 * at a readable zoom (≥ 0.75), placed so the minimap covers no node; otherwise its start (the
 * left-most node, with what is around it) at 0.75. Pure: sizes in, pan and zoom out.
 */
import { boundsOf, rectsOverlap, type Rect } from "./rect";

export interface View {
  x: number;
  y: number;
  zoom: number;
}

export const READABLE_ZOOM = 0.75;
const MAX_ZOOM = 1;
const PAD = 40;

/** Where nodes appear on screen (relative to the canvas) under a view. */
export function onScreen(r: Rect, view: View): Rect {
  return { x: r.x * view.zoom + view.x, y: r.y * view.zoom + view.y, width: r.width * view.zoom, height: r.height * view.zoom };
}

export function coversAny(overlay: Rect | null, nodes: readonly Rect[], view: View): boolean {
  return overlay !== null && nodes.some((n) => rectsOverlap(onScreen(n, view), overlay));
}

/** The whole of `graph` centred in `area` (canvas pixels), at the largest zoom up to 1. */
function fitIn(graph: Rect, area: Rect): View {
  const zoom = Math.min(MAX_ZOOM, (area.width - 2 * PAD) / graph.width, (area.height - 2 * PAD) / graph.height);
  return {
    zoom,
    x: area.x + (area.width - graph.width * zoom) / 2 - graph.x * zoom,
    y: area.y + (area.height - graph.height * zoom) / 2 - graph.y * zoom,
  };
}

/**
 * @param nodes node boxes in flow units
 * @param canvas the canvas's size in pixels
 * @param minimap where the minimap sits on the canvas (pixels), or null when hidden
 * @returns the view, and whether the minimap can stay shown without covering a node
 * @example firstView([{ x: 0, y: 0, width: 300, height: 200 }], { width: 1000, height: 700 }, null) // { view: { zoom: 1, … }, minimap: true }
 */
export function firstView(nodes: readonly Rect[], canvas: { width: number; height: number }, minimap: Rect | null): { view: View; minimap: boolean } {
  const graph = boundsOf(nodes);
  if (!graph) return { view: { x: 0, y: 0, zoom: 1 }, minimap: true };
  const full = { x: 0, y: 0, ...canvas };
  // Fitted in the whole canvas; else beside the minimap; else above it.
  const areas = [full];
  if (minimap) areas.push({ ...full, width: minimap.x }, { ...full, height: minimap.y });
  for (const area of areas) {
    const view = fitIn(graph, area);
    if (view.zoom >= READABLE_ZOOM && !coversAny(minimap, nodes, view)) return { view, minimap: true };
  }
  // Too big to read whole: its left edge at the left; a tall graph shows its start — the left-most
  // node (a fan-out's source sits mid-height), centred when that leaves no gap above the graph.
  const zoom = READABLE_ZOOM;
  const tall = graph.height * zoom > canvas.height - 2 * PAD;
  const start = nodes.reduce((a, b) => (b.x < a.x || (b.x === a.x && b.y < a.y) ? b : a));
  const startCentred = canvas.height / 2 - (start.y + start.height / 2) * zoom;
  const view = {
    zoom,
    x: PAD - graph.x * zoom,
    y: tall ? Math.min(PAD - graph.y * zoom, startCentred) : (canvas.height - graph.height * zoom) / 2 - graph.y * zoom,
  };
  return { view, minimap: !coversAny(minimap, nodes, view) };
}
