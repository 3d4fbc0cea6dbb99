import type { Node } from "@xyflow/react";
import { beforeEach, describe, expect, it } from "vitest";
import { useGraphStore } from "@/stores/graph-store";
import { tidyUp } from "./tidy-up";

const text = (id: string, x: number, y: number, extra: Partial<Node> = {}): Node => ({ id, type: "text", position: { x, y }, data: { text: id }, ...extra });
const positions = () => Object.fromEntries(useGraphStore.getState().nodes.map((n) => [n.id, n.position]));

describe("tidyUp", { timeout: 30_000 }, () => {
  beforeEach(() => {
    useGraphStore.getState().load(
      [text("a", 0, 0), text("b", 5, 5), { id: "l", type: "llm", position: { x: 10, y: 10 }, data: {} }],
      [{ id: "e", source: "a", sourceHandle: "text", target: "l", targetHandle: "user_message" }],
    );
  });

  it("moves the nodes as one undo step, and undo puts every one back", async () => {
    const before = positions();
    expect(await tidyUp()).toBe(3);
    expect(positions()).not.toEqual(before);
    expect(useGraphStore.getState().past).toHaveLength(1);
    useGraphStore.getState().undo();
    expect(positions()).toEqual(before);
  });

  it("drops its result when the graph changed while the layout ran", async () => {
    const before = positions();
    const pending = tidyUp();
    useGraphStore.getState().updateNodeData("a", { text: "edited meanwhile" });
    expect(await pending).toBe(0);
    expect(positions()).toEqual(before);
  });

  it("tidies a selection of two or more, and the whole graph for fewer", async () => {
    const before = positions();
    expect(await tidyUp(["a", "l"])).toBe(2);
    expect(positions().b).toEqual(before.b);
    expect(await tidyUp(["b"])).toBe(3);
  });

  it("lays out a node inside a parent where it is on the canvas, and keeps its position relative to the parent", async () => {
    useGraphStore.getState().load(
      [{ id: "frame", type: "frame", position: { x: 1000, y: 1000 }, width: 900, height: 600, data: {} }, text("a", 10, 10, { parentId: "frame" }), text("b", 1010, 1010)],
      [],
    );
    await tidyUp();
    const [a, b] = [positions().a, positions().b];
    // Both started at (1010, 1010) on the canvas: the laid-out pair keeps that top-left.
    expect(Math.min(a.x + 1000, b.x)).toBeCloseTo(1010);
    expect(Math.min(a.y + 1000, b.y)).toBeCloseTo(1010);
    expect(positions().frame).toEqual({ x: 1000, y: 1000 });
  });
});
