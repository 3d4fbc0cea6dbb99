import type { Node } from "@xyflow/react";
import { describe, expect, it } from "vitest";
import { llmNode } from "@/nodes/llm/definition";
import { estimateFor, withEstimatedSizes } from "./estimated-size";

const unmeasured = (id: string, type = "llm"): Node => ({ id, type, position: { x: 0, y: 0 }, data: {} });
const neverMeasured = () => undefined;

describe("withEstimatedSizes", () => {
  it("gives a node not yet measured a size and a handle per port, inputs left and outputs right", () => {
    const [node] = withEstimatedSizes([unmeasured("a")], neverMeasured);
    expect(node.initialWidth).toBe(300);
    expect(node.initialHeight).toBeGreaterThan(100);
    const targets = node.handles!.filter((h) => h.type === "target").map((h) => h.id);
    const sources = node.handles!.filter((h) => h.type === "source").map((h) => h.id);
    expect(targets).toEqual(Object.keys(llmNode.inputs));
    expect(sources).toEqual(Object.keys(llmNode.outputs));
    expect(node.handles!.every((h) => (h.type === "source" ? h.x > 250 : h.x < 0))).toBe(true);
  });

  it("hands a measured node over unchanged, and the same copy of an unchanged unmeasured node", () => {
    const measured: Node = { ...unmeasured("m"), measured: { width: 300, height: 420 } };
    const pending = unmeasured("p");
    const first = withEstimatedSizes([measured, pending], neverMeasured);
    const second = withEstimatedSizes([measured, pending], neverMeasured);
    expect(first[0]).toBe(measured);
    expect(second[1]).toBe(first[1]);
    expect(pending.handles).toBeUndefined();
  });

  it("gives back the size React Flow measured before to a node that returns without it (undo), not a guess", () => {
    const [node] = withEstimatedSizes([unmeasured("u")], (id) =>
      id === "u" ? { width: 300, height: 512 } : undefined,
    );
    expect(node.measured).toEqual({ width: 300, height: 512 });
    expect(node.handles).toBeUndefined();
  });

  it("guesses once per type", () => {
    expect(estimateFor("text")).toBe(estimateFor("text"));
  });
});
