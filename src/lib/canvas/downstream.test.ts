import { describe, expect, it } from "vitest";
import { downstreamOf } from "./downstream";

const e = (source: string, target: string) => ({ source, target });

describe("downstreamOf", () => {
  it("follows edges forward only, through branches and joins", () => {
    const edges = [e("a", "b"), e("b", "c"), e("b", "d"), e("c", "e"), e("d", "e"), e("x", "b")];
    expect([...downstreamOf(edges, ["b"])].sort()).toEqual(["b", "c", "d", "e"]);
  });
  it("keeps a node with no edges, and joins several starts", () => {
    expect([...downstreamOf([e("a", "b")], ["z"])]).toEqual(["z"]);
    expect([...downstreamOf([e("a", "b"), e("c", "d")], ["a", "c"])].sort()).toEqual(["a", "b", "c", "d"]);
  });
  it("ends on a cycle instead of looping", () => {
    expect([...downstreamOf([e("a", "b"), e("b", "a")], ["a"])].sort()).toEqual(["a", "b"]);
  });
});
