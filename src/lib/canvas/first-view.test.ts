import { describe, expect, it } from "vitest";
import { coversAny, firstView, onScreen, READABLE_ZOOM } from "./first-view";

const canvas = { width: 1000, height: 700 };
const minimap = { x: 785, y: 535, width: 200, height: 150 };
const box = (x: number, y: number) => ({ x, y, width: 300, height: 300 });

describe("firstView", () => {
  it("shows a small graph whole at zoom 1, centred", () => {
    const { view, minimap: shown } = firstView([box(0, 0)], canvas, minimap);
    expect(view.zoom).toBe(1);
    expect(onScreen(box(0, 0), view)).toEqual({ x: 350, y: 200, width: 300, height: 300 });
    expect(shown).toBe(true);
  });

  it("fits a graph that is readable whole, and keeps its nodes from under the minimap", () => {
    const nodes = [box(0, 0), box(400, 0), box(800, 300)];
    const { view, minimap: shown } = firstView(nodes, canvas, minimap);
    expect(view.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    expect(coversAny(minimap, nodes, view)).toBe(false);
    expect(shown).toBe(true);
  });

  it("opens a big graph at its start at a readable zoom, hiding a minimap that would cover nodes", () => {
    const nodes = Array.from({ length: 30 }, (_, i) => box((i % 6) * 400, Math.floor(i / 6) * 400));
    const { view, minimap: shown } = firstView(nodes, canvas, minimap);
    expect(view.zoom).toBe(READABLE_ZOOM);
    expect(onScreen(box(0, 0), view)).toMatchObject({ x: 40, y: 40 });
    expect(shown).toBe(false);
  });

  it("opens a tall fan-out on its source, the left-most node, even when it sits mid-height", () => {
    const source = box(0, 4000);
    const targets = Array.from({ length: 100 }, (_, i) => box(400 + (i % 5) * 400, Math.floor(i / 5) * 400));
    const { view } = firstView([source, ...targets], canvas, minimap);
    const shown = onScreen(source, view);
    expect(shown.x).toBe(40);
    expect(shown.y + shown.height / 2).toBe(canvas.height / 2);
  });

  it("leaves an empty graph at the origin", () => {
    expect(firstView([], canvas, minimap).view).toEqual({ x: 0, y: 0, zoom: 1 });
  });
});
