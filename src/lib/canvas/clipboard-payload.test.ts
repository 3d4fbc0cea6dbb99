import type { Edge, Node } from "@xyflow/react";
import { describe, expect, it } from "vitest";
import { movePieceTo, NOT_OURS_MESSAGE, parsePaste, pastePlace, pickPiece, serializePiece, withNewIds, type GraphPiece } from "./clipboard-payload";

const text = (id: string, x: number, y: number, extra: Partial<Node> = {}): Node => ({ id, type: "text", position: { x, y }, data: { text: `words of ${id}` }, ...extra });
const llm = (id: string, x: number, y: number): Node => ({ id, type: "llm", position: { x, y }, data: { provider: "openai-compatible", model: "llama3.2", label: "Writer" } });
const wire = (source: string, target: string): Edge => ({ id: `e-${source}-${target}`, source, sourceHandle: "text", target, targetHandle: "user_message" });

const GRAPH: GraphPiece = {
  nodes: [text("a", 0, 0, { selected: true, measured: { width: 300, height: 90 }, dragging: false }), llm("b", 400, 100), text("c", 0, 300)],
  edges: [wire("a", "b"), wire("c", "b")],
};
const EMPTY_CANVAS = { nodes: 0, edges: 0 };

describe("pickPiece and serializePiece", () => {
  it("keeps the chosen nodes with the edges between them only, without view state", () => {
    const piece = pickPiece(GRAPH, ["a", "b"]);
    expect(piece.nodes.map((n) => n.id)).toEqual(["a", "b"]);
    expect(piece.edges.map((e) => e.id)).toEqual(["e-a-b"]);
    expect(piece.nodes[0]).toEqual({ id: "a", type: "text", position: { x: 0, y: 0 }, data: { text: "words of a" } });
    expect(JSON.parse(serializePiece(piece))).toMatchObject({ galaxy: "nodes", version: 1, nodes: [{ id: "a" }, { id: "b" }], edges: [{ id: "e-a-b" }] });
  });

  it("copies data, so editing the copy leaves the original alone", () => {
    const piece = pickPiece(GRAPH, ["b"]);
    (piece.nodes[0].data as { model: string }).model = "changed";
    expect(GRAPH.nodes[1].data.model).toBe("llama3.2");
  });
});

describe("parsePaste", () => {
  it("reads back what was copied, params and names included", () => {
    const result = parsePaste(serializePiece(pickPiece(GRAPH, ["a", "b"])), EMPTY_CANVAS);
    expect(result).toMatchObject({ ok: true, piece: { nodes: [{ id: "a", data: { text: "words of a" } }, { id: "b", data: { label: "Writer" } }], edges: [{ source: "a", target: "b" }] } });
  });

  it("calls text that is not our envelope not ours", () => {
    for (const foreign of ["hello there", "42", '{"nodes":[]}', '{"galaxy":"nodes","version":2,"nodes":[]}', "null"]) {
      expect(parsePaste(foreign, EMPTY_CANVAS)).toEqual({ ok: false, kind: "not-ours", message: NOT_OURS_MESSAGE });
    }
  });

  it("refuses unknown types, bad data, dangling edges and duplicate ids in plain words", () => {
    const envelope = (nodes: unknown, edges: unknown = []) => JSON.stringify({ galaxy: "nodes", version: 1, nodes, edges });
    const cases: [string, RegExp][] = [
      [envelope([{ id: "x", type: "rm -rf", position: { x: 0, y: 0 }, data: {} }]), /type Galaxy does not know/],
      [envelope([{ id: "x", type: "text", position: { x: 0, y: 0 }, data: { text: 5 } }]), /setting Galaxy cannot use/],
      [envelope([text("a", 0, 0)], [wire("a", "elsewhere")]), /points to a node that is not/],
      [envelope([text("a", 0, 0), text("a", 10, 0)]), /duplicate node id/],
      [envelope([{ ...text("a", 0, 0), data: { label: "x".repeat(81) } }]), /at most 80 characters/],
      [envelope("not a list"), /no list of nodes/],
    ];
    for (const [clip, words] of cases) {
      const result = parsePaste(clip, EMPTY_CANVAS);
      expect(result).toMatchObject({ ok: false, kind: "refused" });
      if (!result.ok) expect(result.message).toMatch(/^These nodes cannot be pasted: /);
      if (!result.ok) expect(result.message).toMatch(words);
    }
  });

  it("refuses a paste that would pass the canvas's node limit", () => {
    const clip = serializePiece(pickPiece(GRAPH, ["a", "b"]));
    expect(parsePaste(clip, { nodes: 499, edges: 0 })).toMatchObject({ ok: false, kind: "refused", message: expect.stringMatching(/at most 500/) });
    expect(parsePaste(clip, { nodes: 498, edges: 0 })).toMatchObject({ ok: true });
  });

  it("drops keys a hostile text slips in", () => {
    const clip = JSON.stringify({ galaxy: "nodes", version: 1, nodes: [{ ...text("a", 0, 0), hidden: true, parentId: "x", style: { display: "none" } }], edges: [] });
    const result = parsePaste(clip, EMPTY_CANVAS);
    expect(result.ok && result.piece.nodes[0]).toEqual({ id: "a", type: "text", position: { x: 0, y: 0 }, data: { text: "words of a" } });
  });
});

describe("withNewIds", () => {
  it("gives nodes and edges new ids and points the edges at them", () => {
    let n = 0;
    const piece = withNewIds(pickPiece(GRAPH, ["a", "b"]), (type) => `${type}-new${++n}`);
    expect(piece.nodes.map((x) => x.id)).toEqual(["text-new1", "llm-new2"]);
    expect(piece.edges).toEqual([{ id: "e-text-new1-text-llm-new2-user_message", source: "text-new1", sourceHandle: "text", target: "llm-new2", targetHandle: "user_message" }]);
  });
});

describe("placing a paste", () => {
  const piece = pickPiece(GRAPH, ["a", "b"]);
  it("moves the piece so its top-left corner is at the place, keeping its shape", () => {
    expect(movePieceTo(piece, { x: 1000, y: 500 }).nodes.map((x) => x.position)).toEqual([{ x: 1000, y: 500 }, { x: 1400, y: 600 }]);
  });

  it("goes to the pointer, then 40 further for each paste at the same place", () => {
    expect(pastePlace(piece, { x: 300, y: 200 }, null)).toEqual({ x: 300, y: 200 });
    expect(pastePlace(piece, { x: 300, y: 200 }, { pointer: { x: 300, y: 200 }, placed: { x: 340, y: 240 } })).toEqual({ x: 380, y: 280 });
    expect(pastePlace(piece, { x: 900, y: 200 }, { pointer: { x: 300, y: 200 }, placed: { x: 340, y: 240 } })).toEqual({ x: 900, y: 200 });
  });

  it("without a pointer, lands 40 below-right of the copied place or of the last paste", () => {
    expect(pastePlace(piece, null, null)).toEqual({ x: 40, y: 40 });
    expect(pastePlace(piece, null, { pointer: { x: 5, y: 5 }, placed: { x: 100, y: 100 } })).toEqual({ x: 140, y: 140 });
  });
});
