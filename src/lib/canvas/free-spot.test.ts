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
});
