import { describe, expect, it } from "vitest";
import { orderPair, togglePick } from "./compare-picks";

describe("togglePick", () => {
  it("picks, unpicks, and keeps the last two", () => {
    expect(togglePick([], "r1")).toEqual(["r1"]);
    expect(togglePick(["r1"], "r2")).toEqual(["r1", "r2"]);
    expect(togglePick(["r1", "r2"], "r1")).toEqual(["r2"]);
    expect(togglePick(["r1", "r2"], "r3")).toEqual(["r2", "r3"]);
  });
});

describe("orderPair", () => {
  const runs = [
    { id: "new", createdAt: "2025-01-02T00:00:00.000Z" },
    { id: "old", createdAt: "2025-01-01T00:00:00.000Z" },
  ];
  it("puts the older run first", () => {
    expect(orderPair(["new", "old"], runs)).toEqual(["old", "new"]);
    expect(orderPair(["old", "new"], runs)).toEqual(["old", "new"]);
  });
  it("keeps pick order for a run it does not know, and needs two", () => {
    expect(orderPair(["new", "gone"], runs)).toEqual(["new", "gone"]);
    expect(orderPair(["new"], runs)).toBeNull();
  });
});
