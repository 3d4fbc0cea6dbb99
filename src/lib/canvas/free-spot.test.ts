import { describe, expect, it } from "vitest";
import { findFreeSpot } from "./free-spot";
import { rectsOverlap } from "./rect";

const size = { width: 300, height: 200 };

describe("findFreeSpot", () => {
  it("takes the wanted spot when it is free", () => {
    expect(findFreeSpot({ x: 10, y: 20 }, size, [{ x: 400, y: 0, width: 300, height: 200 }])).toEqual({ x: 10, y: 20 });
  });

  it("moves off a node in the way, with a gap, and stays near", () => {
    const taken = [{ x: 0, y: 0, width: 300, height: 200 }];
    const spot = findFreeSpot({ x: 0, y: 0 }, size, taken);
    expect(rectsOverlap({ ...spot, ...size }, { x: -23, y: -23, width: 346, height: 246 })).toBe(false);
    expect(Math.hypot(spot.x, spot.y)).toBeLessThan(300);
  });

  it("never stacks a run of additions at the same wanted spot", () => {
    const taken: { x: number; y: number; width: number; height: number }[] = [];
    for (let k = 0; k < 12; k++) {
      const spot = findFreeSpot({ x: 100, y: 100 }, size, taken);
      for (const r of taken) expect(rectsOverlap({ ...spot, ...size }, r)).toBe(false);
      taken.push({ ...spot, ...size });
    }
  });

  it("stays in view: a view full of nodes gets the node at the wanted spot, not off screen", () => {
    const view = { x: 0, y: 0, width: 1200, height: 800 };
    const crowd = Array.from({ length: 40 }, (_, i) => ({ x: (i % 8) * 320 - 400, y: Math.floor(i / 8) * 220 - 200, width: 300, height: 200 }));
    // Free space exists only beyond the view: without `within` the search would go there.
    expect(findFreeSpot({ x: 450, y: 300 }, size, crowd)).not.toEqual({ x: 450, y: 300 });
    expect(findFreeSpot({ x: 450, y: 300 }, size, crowd, view)).toEqual({ x: 450, y: 300 });
  });

  it("takes a free spot in view when there is one", () => {
    const view = { x: 0, y: 0, width: 1200, height: 800 };
    const spot = findFreeSpot({ x: 450, y: 300 }, size, [{ x: 400, y: 250, width: 300, height: 200 }], view);
    expect(spot.x).toBeGreaterThanOrEqual(0);
    expect(spot.x + size.width).toBeLessThanOrEqual(1200);
    expect(spot.y + size.height).toBeLessThanOrEqual(800);
    expect(rectsOverlap({ ...spot, ...size }, { x: 400, y: 250, width: 300, height: 200 })).toBe(false);
  });
});
