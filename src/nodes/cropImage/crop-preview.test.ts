import { describe, expect, it } from "vitest";
import { previewCrop } from "./crop-preview";

const crop = (x: number, y: number, w: number, h: number) => ({ x_percent: x, y_percent: y, width_percent: w, height_percent: h });

describe("previewCrop", () => {
  it("draws a box that fits as asked, without hints", () => {
    expect(previewCrop(crop(25, 25, 50, 50))).toEqual({ box: { left: 25, top: 25, width: 50, height: 50 }, hints: [] });
  });

  it("cuts a box at the edge it runs past, and says what the crop will be", () => {
    expect(previewCrop(crop(50, 0, 80, 100))).toEqual({
      box: { left: 50, top: 0, width: 50, height: 100 },
      hints: ["X 50% + width 80% runs past the right edge: the crop will be 50% wide."],
    });
    expect(previewCrop(crop(0, 90, 10, 20)).hints).toEqual(["Y 90% + height 20% runs past the bottom edge: the crop will be 10% high."]);
  });

  it("says when there is nothing to crop", () => {
    expect(previewCrop(crop(0, 0, 0, 50)).hints).toEqual(["The box is empty: width is 0%. Nothing to crop."]);
    expect(previewCrop(crop(100, 0, 10, 50))).toEqual({
      box: { left: 100, top: 0, width: 0, height: 50 },
      hints: ["The box starts past the right edge (X 100%). Nothing to crop."],
    });
  });
});
