import type { Node } from "@xyflow/react";
import { describe, expect, it } from "vitest";
import { fromWireGraph, toWireGraph } from "./graph-wire";

describe("the graph's wire format", () => {
  it("keeps a resized node's width and height (a note, a frame), and gives the rest none", () => {
    const nodes: Node[] = [
      { id: "n", type: "note", position: { x: 1, y: 2 }, width: 260.123, height: 180, measured: { width: 260, height: 180 }, selected: true, data: { text: "hi" } },
      { id: "t", type: "text", position: { x: 0, y: 0 }, measured: { width: 300, height: 120 }, data: {} },
    ];
    const wire = toWireGraph(nodes, []);
    expect(wire.nodes).toEqual([
      { id: "n", type: "note", position: { x: 1, y: 2 }, width: 260.12, height: 180, data: { text: "hi" } },
      { id: "t", type: "text", position: { x: 0, y: 0 }, data: {} },
    ]);
    expect(toWireGraph(fromWireGraph(wire).nodes, [])).toEqual(wire);
  });
});
