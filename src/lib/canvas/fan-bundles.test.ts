import type { Edge, Node } from "@xyflow/react";
import { describe, expect, it } from "vitest";
import { bundleFans, FAN_EDGE_TYPE, FAN_MIN_WIRES, isFanBundle, nodesInView, viewRect } from "./fan-bundles";

const wire = (target: string, extra: Partial<Edge> = {}): Edge => ({
  id: `t->${target}`,
  source: "t",
  sourceHandle: "text",
  target,
  targetHandle: "user_message",
  style: { stroke: "#a78bfa" },
  ...extra,
});
const fan = (n: number) => Array.from({ length: n }, (_, i) => wire(`llm-${i}`));

describe("bundleFans", () => {
  it("folds a port's wires to nodes out of view into one bundle in place of the first, keeping wires in view", () => {
    const edges = [wire("near"), ...fan(20)];
    const out = bundleFans(edges, new Set(["t", "near"]));
    expect(out).toHaveLength(2);
    expect(out[0]).toBe(edges[0]);
    const bundle = out[1]!;
    expect(bundle.type).toBe(FAN_EDGE_TYPE);
    expect(isFanBundle(bundle) && bundle.data?.members.map((m) => m.target)).toEqual(fan(20).map((e) => e.target));
    expect(bundle).toMatchObject({ source: "t", sourceHandle: "text", target: "llm-0", selectable: false, deletable: false });
  });

  it("leaves a port with few off-screen wires, a source out of view, and selected wires alone", () => {
    const few = fan(FAN_MIN_WIRES - 1);
    expect(bundleFans(few, new Set(["t"]))).toEqual(few);
    const many = fan(30);
    expect(bundleFans(many, new Set(["llm-3"]))).toEqual(many);
    const selected = fan(FAN_MIN_WIRES).map((e, i) => (i === 0 ? { ...e, selected: true } : e));
    expect(bundleFans(selected, new Set(["t"]))).toEqual(selected);
  });

  it("zoomed out to outlines (everyWire), bundles a port's wires to nodes in view too", () => {
    const edges = fan(12);
    const inView = new Set(["t", ...edges.map((e) => e.target)]);
    expect(bundleFans(edges, inView)).toEqual(edges);
    const out = bundleFans(edges, inView, { everyWire: true });
    expect(out).toHaveLength(1);
    expect(isFanBundle(out[0]!) && out[0].data?.members).toHaveLength(12);
  });

  it("bundles running (animated) wires apart from idle ones, and each port apart", () => {
    const edges = [
      ...fan(10).map((e) => ({ ...e, animated: true })),
      ...fan(10).map((e) => ({ ...e, id: `${e.id}-idle` })),
      ...fan(10).map((e) => ({ ...e, id: `${e.id}-other`, sourceHandle: "other" })),
    ];
    const out = bundleFans(edges, new Set(["t"]));
    expect(out.map((e) => [e.type, e.animated ?? false, e.sourceHandle])).toEqual([
      [FAN_EDGE_TYPE, true, "text"],
      [FAN_EDGE_TYPE, false, "text"],
      [FAN_EDGE_TYPE, false, "other"],
    ]);
    expect(new Set(out.map((e) => e.id)).size).toBe(3);
  });
});

describe("nodesInView", () => {
  const node = (id: string, x: number, y: number, extra: Partial<Node> = {}): Node => ({ id, position: { x, y }, data: {}, ...extra });

  it("takes the pane's pan and zoom, and each node's measured, given or guessed size", () => {
    // A 1000 × 800 pane panned by (-500, 0) at zoom 0.5 shows x 1000..3000, y 0..1600 of the canvas.
    const view = viewRect({ x: -500, y: 0, zoom: 0.5 }, 1000, 800);
    expect(view).toEqual({ x: 1000, y: 0, width: 2000, height: 1600 });
    const nodes = [
      node("inside", 1500, 100),
      node("left-measured", 700, 0, { measured: { width: 320, height: 100 } }),
      node("left-guessed", 700, 0, { initialWidth: 200, initialHeight: 100 }),
      node("below", 1500, 1700),
    ];
    expect(nodesInView(nodes, view)).toEqual(["inside", "left-measured"]);
  });
});
