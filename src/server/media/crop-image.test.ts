import { describe, expect, it } from "vitest";
import { computeCropBox, CropError, cropNotices } from "./crop-image";

const box = (x: number, y: number, w: number, h: number) => ({ x_percent: x, y_percent: y, width_percent: w, height_percent: h });

describe("computeCropBox", () => {
  it("640×360 at 25/25/50/50 is 320×180 at (160, 90)", () => {
    expect(computeCropBox(640, 360, box(25, 25, 50, 50))).toEqual({ left: 160, top: 90, width: 320, height: 180 });
  });

  it("the whole image by default", () => {
    expect(computeCropBox(641, 359, box(0, 0, 100, 100))).toEqual({ left: 0, top: 0, width: 641, height: 359 });
  });

  it("rounds each value half up", () => {
    // 33.3% of 100 = 33.3 → 33; 12.5% of 100 = 12.5 → 13 (Math.round).
    expect(computeCropBox(100, 100, box(12.5, 33.3, 33.3, 12.5))).toEqual({ left: 13, top: 33, width: 33, height: 13 });
  });

  it("clamps a box that leaves the image", () => {
    expect(computeCropBox(640, 360, box(75, 50, 50, 100))).toEqual({ left: 480, top: 180, width: 160, height: 180 });
  });

  it("gives at least one pixel for a tiny non-zero box", () => {
    expect(computeCropBox(10, 10, box(0, 0, 0.1, 0.1))).toEqual({ left: 0, top: 0, width: 1, height: 1 });
  });

  it("refuses an empty box or one starting outside", () => {
    expect(() => computeCropBox(640, 360, box(0, 0, 0, 50))).toThrow(CropError);
    // In plain words, naming the field to change and the value that works.
    expect(() => computeCropBox(640, 360, box(0, 0, 0, 50))).toThrow("The crop is empty: set a width above 0 %.");
    expect(() => computeCropBox(640, 360, box(0, 0, 50, 0))).toThrow("The crop is empty: set a height above 0 %.");
    expect(() => computeCropBox(640, 360, box(100, 0, 50, 50))).toThrow("The crop starts outside the image (X is 100 %): set X below 100 %.");
  });
});

describe("cropNotices", () => {
  const noticesFor = (width: number, height: number, crop: ReturnType<typeof box>) => cropNotices(width, height, crop, computeCropBox(width, height, crop));

  it("says nothing when the box fits", () => {
    expect(noticesFor(640, 360, box(25, 25, 50, 50))).toEqual([]);
    expect(noticesFor(641, 359, box(0, 0, 100, 100))).toEqual([]);
  });

  it("says where a box that ran past an edge was cut, on each axis", () => {
    expect(noticesFor(640, 360, box(75, 50, 50, 100))).toEqual([
      "the box ran past the right edge (X 75% + width 50%): cropped 25% wide (160 px)",
      "the box ran past the bottom edge (Y 50% + height 100%): cropped 50% high (180 px)",
    ]);
  });

  it("says when a tiny box was made one pixel", () => {
    expect(noticesFor(10, 10, box(0, 0, 0.1, 100))).toEqual(["width 0.1% is under a pixel of this 10 px wide image: cropped 1 px wide"]);
  });
});
