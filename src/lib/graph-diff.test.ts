import { describe, expect, it } from "vitest";
import { diffGraphs, sameValue, type DiffEdge, type DiffGraph, type DiffNode } from "./graph-diff";

const node = (id: string, data: Record<string, unknown> = {}, x = 0, type = "text"): DiffNode => ({ id, type, position: { x, y: 0 }, data });
const edge = (id: string, source: string, target: string, targetHandle = "user_message"): DiffEdge => ({ id, source, sourceHandle: "text", target, targetHandle });
const kindsOf = <K>(map: Map<string, K>) => Object.fromEntries(map);

describe("diffGraphs: nodes", () => {
  const base: DiffGraph = {
    nodes: [node("same", { text: "a" }), node("gone", { text: "b" }), node("edited", { text: "old" }), node("retyped"), node("dragged", { text: "d" }, 10)],
    edges: [],
  };
  const shown: DiffGraph = {
    nodes: [node("same", { text: "a" }), node("new"), node("edited", { text: "new" }), node("retyped", {}, 0, "llm"), node("dragged", { text: "d" }, 200)],
    edges: [],
  };

  it("marks each node added, removed, changed (type or data), moved or unchanged", () => {
    expect(kindsOf(diffGraphs(base, shown).nodes)).toEqual({
      same: "unchanged",
      new: "added",
      edited: "changed",
      retyped: "changed",
      dragged: "moved",
      gone: "removed",
    });
  });

  it("counts the kinds", () => {
    expect(diffGraphs(base, shown).counts.nodes).toEqual({ added: 1, removed: 1, changed: 2, moved: 1, unchanged: 1 });
  });

  it("a node both edited and moved is changed (the stronger mark)", () => {
    const d = diffGraphs({ nodes: [node("n", { text: "a" }, 0)], edges: [] }, { nodes: [node("n", { text: "b" }, 300)], edges: [] });
    expect(d.nodes.get("n")).toBe("changed");
  });

  it("a note or frame only resized is marked like a move; a size saved on one side only counts too", () => {
    const note = { ...node("n", { text: "a" }, 0), type: "note", width: 240, height: 160 };
    const resized = diffGraphs({ nodes: [note], edges: [] }, { nodes: [{ ...note, height: 320 }], edges: [] });
    expect(resized.nodes.get("n")).toBe("moved");
    expect(diffGraphs({ nodes: [note], edges: [] }, { nodes: [{ ...note, width: undefined }], edges: [] }).nodes.get("n")).toBe("moved");
    expect(diffGraphs({ nodes: [note], edges: [] }, { nodes: [{ ...note, width: 240.2 }], edges: [] }).nodes.get("n")).toBe("unchanged");
  });

  it("ignores key order, keys holding undefined, and sub-pixel position noise", () => {
    const a = node("n", { text: "x", settings: { a: 1, b: [1, { c: 2 }] }, gone: undefined }, 100);
    const b = node("n", { settings: { b: [1, { c: 2 }], a: 1 }, text: "x" }, 100.004);
    expect(diffGraphs({ nodes: [a], edges: [] }, { nodes: [b], edges: [] }).nodes.get("n")).toBe("unchanged");
  });

  it("identical graphs have nothing but unchanged, and empty graphs nothing at all", () => {
    expect(diffGraphs(base, base).counts.nodes).toEqual({ added: 0, removed: 0, changed: 0, moved: 0, unchanged: 5 });
    expect(diffGraphs({ nodes: [], edges: [] }, { nodes: [], edges: [] }).nodes.size).toBe(0);
  });
});

describe("diffGraphs: edges", () => {
  const nodes = [node("a"), node("b"), node("m", {}, 0, "llm")];

  it("matches by id (other ends: changed), then by ends (a new id for the same connection: unchanged)", () => {
    const base: DiffGraph = { nodes, edges: [edge("e1", "a", "m"), edge("e2", "b", "m", "system_prompt"), edge("e3", "a", "m", "system_prompt"), edge("old", "b", "m", "images")] };
    const shown: DiffGraph = { nodes, edges: [edge("e1", "a", "m"), edge("e2", "a", "m", "system_prompt"), edge("renamed", "b", "m", "images"), edge("e4", "b", "m")] };
    const d = diffGraphs(base, shown);
    expect(kindsOf(d.edges)).toEqual({ e1: "unchanged", e2: "changed", renamed: "unchanged", e4: "added", e3: "removed" });
    expect(d.counts.edges).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 2 });
  });

  it("a removed edge keeps its own id, which no shown edge has", () => {
    const d = diffGraphs({ nodes, edges: [edge("x", "a", "m")] }, { nodes, edges: [] });
    expect(kindsOf(d.edges)).toEqual({ x: "removed" });
  });

  it("reads a missing handle as an empty one", () => {
    const base: DiffGraph = { nodes, edges: [{ id: "e", source: "a", target: "m", sourceHandle: null, targetHandle: "" }] };
    const shown: DiffGraph = { nodes, edges: [{ id: "e", source: "a", target: "m" }] };
    expect(diffGraphs(base, shown).edges.get("e")).toBe("unchanged");
  });
});

describe("sameValue", () => {
  it("compares JSON-like values deeply", () => {
    expect(sameValue([1, "a", null], [1, "a", null])).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue({ a: [] }, { a: {} })).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameValue(null, {})).toBe(false);
    expect(sameValue(0.1 + 0.2, 0.30000000000000004)).toBe(true);
  });
});
