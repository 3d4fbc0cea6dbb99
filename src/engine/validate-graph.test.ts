import { describe, expect, it } from "vitest";
import { checkReadiness } from "./check-readiness";
import type { TGraph } from "./graph-schema";
import { testCatalogue } from "./test-catalogue";
import { edge, node } from "./test-graph";
import { validateGraph } from "./validate-graph";

const validate = (graph: unknown, limits?: Parameters<typeof validateGraph>[2]) => validateGraph(graph, testCatalogue, limits);

/** A picture trimmed and sent with two notes to a reply, whose answer feeds a second reply. */
function sampleGraph(): TGraph {
  return {
    nodes: [
      node("pic", "picture", { assetId: "asset-1" }),
      node("trim", "trim", { percent: 10 }),
      node("sys", "note", { text: "You write product copy." }),
      node("msg", "note", { text: "Describe this product." }),
      node("r1", "reply", { label: "Copy" }),
      node("r2", "reply"),
    ],
    edges: [
      edge("pic", "trim", "image", "image"),
      edge("trim", "r1", "image", "images"),
      edge("sys", "r1", "text", "system"),
      edge("msg", "r1", "text", "prompt"),
      edge("r1", "r2", "reply", "prompt"),
      edge("trim", "r2", "image", "images"),
    ],
  };
}

describe("validateGraph", () => {
  it("accepts a node's name up to 80 characters and names the path of a longer one", () => {
    const named = (label: unknown) => ({ nodes: [node("n", "note", { text: "x", label })], edges: [] });
    expect(validate(named("a".repeat(80)))).toMatchObject({ ok: true });
    expect(validate(named("a".repeat(81)))).toMatchObject({ ok: false, issues: [{ path: "nodes[0].data.label", code: "invalid_shape" }] });
    expect(validate(named(42))).toMatchObject({ ok: false, issues: [{ path: "nodes[0].data.label" }] });
  });

  it("accepts a valid graph and keeps React Flow's extra keys", () => {
    const graph = sampleGraph();
    const withUi = { ...graph, nodes: graph.nodes.map((n) => ({ ...n, selected: true, measured: { width: 200, height: 80 } })) };
    const result = validate(withUi);
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(result.graph.nodes[0]).toMatchObject({ selected: true, measured: { width: 200 } });
  });

  it("accepts a half-finished graph (empty prompt, nothing uploaded yet) and fills a missing data", () => {
    const result = validate({
      nodes: [{ id: "u", type: "picture", position: { x: 0, y: 0 } }, node("l", "reply", { prompt: "" })],
      edges: [edge("u", "l", "image", "images")],
    });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.graph.nodes[0].data).toEqual({});
  });

  it("reports every problem at once, each with a path", () => {
    const graph = sampleGraph();
    graph.nodes.push(
      node("mystery", "teleport"),
      node("trim", "trim"), // duplicate id
      node("trim2", "trim", { percent: 150, margin: "ten" }),
      node("a", "reply"),
      node("b", "reply"),
    );
    graph.edges.push(
      edge("pic", "ghost", "image", "image"), // missing target
      edge("pic", "trim2", "picture", "image"), // bad source handle
      edge("pic", "trim2", "image", "nope"), // bad target handle
      edge("pic", "r2", "image", "prompt"), // type mismatch (and a 2nd prompt)
      edge("a", "b", "reply", "prompt"),
      edge("b", "a", "reply", "prompt"), // cycle
    );
    graph.edges.push({ ...graph.edges[0] }); // duplicate edge id
    const result = validate(graph);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byCode = (code: string) => result.issues.filter((i) => i.code === code).map(({ path, message }) => ({ path, message }));

    expect(byCode("unknown_node_type")).toEqual([{ path: "nodes[6].type", message: 'unknown node type "teleport"' }]);
    expect(byCode("duplicate_node_id")).toEqual([{ path: "nodes[7].id", message: 'duplicate node id "trim" (also nodes[1])' }]);
    expect(byCode("invalid_data").map((i) => i.path).sort()).toEqual(["nodes[8].data.margin", "nodes[8].data.percent"]);
    expect(byCode("missing_node")).toEqual([{ path: "edges[6].target", message: 'no node with id "ghost"' }]);
    expect(byCode("unknown_handle").map((i) => i.path)).toEqual(["edges[7].sourceHandle", "edges[8].targetHandle"]);
    expect(byCode("unknown_handle")[1].message).toBe('"nope" is not an input of trim node "trim2" (inputs: image, percent, margin)');
    expect(byCode("type_mismatch")).toEqual([
      { path: "edges[9]", message: 'cannot connect image output "image" of "pic" to text input "prompt" of "r2"' },
    ]);
    // edges[12] copies edges[0], so it also connects trim.image twice.
    expect(byCode("too_many_connections").map((i) => i.path)).toEqual(["edges[9].targetHandle", "edges[12].targetHandle"]);
    expect(byCode("cycle")).toEqual([{ path: "edges[11]", message: "cycle: a → b → a" }]);
    expect(byCode("duplicate_edge_id")).toEqual([{ path: "edges[12].id", message: 'duplicate edge id "pic->trim:image" (also edges[0])' }]);
  });

  it("reports an image output wired into a text input as a type mismatch", () => {
    const result = validate({
      nodes: [node("u", "picture"), node("l", "reply")],
      edges: [edge("u", "l", "image", "prompt")],
    });
    expect(result).toEqual({
      ok: false,
      issues: [{ path: "edges[0]", code: "type_mismatch", message: 'cannot connect image output "image" of "u" to text input "prompt" of "l"' }],
    });
  });

  it("names every node on a longer cycle, including a self-loop", () => {
    const result = validate({
      nodes: [node("a", "reply"), node("b", "reply"), node("c", "reply"), node("d", "trim")],
      edges: [edge("a", "b", "reply", "prompt"), edge("b", "c", "reply", "prompt"), edge("c", "a", "reply", "prompt"), edge("d", "d", "image", "image")],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.message)).toEqual(["cycle: a → b → c → a", "cycle: d → d"]);
  });

  it("enforces the node and edge limits", () => {
    const nodes = Array.from({ length: 501 }, (_, i) => node(`t${i}`, "note"));
    const result = validate({ nodes, edges: [] });
    expect(result).toEqual({ ok: false, issues: [{ path: "nodes", code: "too_many_nodes", message: "too many nodes: 501 (the limit is 500)" }] });
    expect(validate({ nodes: nodes.slice(0, 3), edges: [] }, { maxNodes: 2 }).ok).toBe(false);
    expect(validate({ nodes, edges: [] }, { maxNodes: 1000 }).ok).toBe(true);
    const replies = ["r1", "r2", "r3"].map((id) => node(id, "reply"));
    const edges = replies.map((r) => edge("t0", r.id, "text", "prompt"));
    expect(validate({ nodes: [nodes[0], ...replies], edges }, { maxEdges: 2 })).toEqual({
      ok: false,
      issues: [{ path: "edges", code: "too_many_edges", message: "too many edges: 3 (the limit is 2)" }],
    });
  });

  it("reports shape errors with paths and still checks the rest", () => {
    const result = validate({
      nodes: [{ id: "", type: "note", position: { x: 0 } }, node("l", "reply", { temperature: 5 })],
      edges: [{ id: "e", source: "l" }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      "invalid_shape nodes[0].id",
      "invalid_shape nodes[0].position.y",
      "invalid_shape edges[0].sourceHandle",
      "invalid_shape edges[0].target",
      "invalid_shape edges[0].targetHandle",
      "invalid_data nodes[1].data.temperature",
    ]);
    expect(validate({ nodes: "x" })).toMatchObject({ ok: false, issues: [{ path: "nodes" }, { path: "edges" }] });
    expect(validate(null)).toMatchObject({ ok: false, issues: [{ code: "invalid_shape" }] });
  });
});

describe("checkReadiness", () => {
  it("reports a missing prompt unless it is connected", () => {
    const graph: TGraph = {
      nodes: [node("t", "note", { text: "hi" }), node("alone", "reply"), node("wired", "reply")],
      edges: [edge("t", "wired", "text", "prompt")],
    };
    expect(checkReadiness(graph, ["t", "alone", "wired"], testCatalogue)).toEqual([
      { nodeId: "alone", nodeType: "reply", field: "prompt", message: "prompt is required" },
    ]);
  });

  it("reports each problem of each node in scope, and only those", () => {
    const graph = sampleGraph();
    graph.nodes.push(node("trim3", "trim"), node("up", "picture", { assetId: null }), node("odd", "teleport"));
    expect(checkReadiness(graph, ["trim3", "up", "r2", "missing", "odd"], testCatalogue)).toEqual([
      { nodeId: "trim3", nodeType: "trim", field: "image", message: "connect an image" },
      { nodeId: "up", nodeType: "picture", field: "assetId", message: "no picture yet" },
      { nodeId: "missing", nodeType: "", field: "id", message: 'no node with id "missing"' },
      { nodeId: "odd", nodeType: "teleport", field: "type", message: 'unknown node type "teleport"' },
    ]);
    expect(checkReadiness(sampleGraph(), sampleGraph().nodes.map((n) => n.id), testCatalogue)).toEqual([]);
  });

  it("counts a connected number input as set, and still checks a typed one", () => {
    const graph: TGraph = {
      nodes: [node("pic", "picture", { assetId: "a" }), node("trim", "trim", { percent: 101 })],
      edges: [edge("pic", "trim", "image", "image")],
    };
    expect(checkReadiness(graph, ["trim"], testCatalogue)).toMatchObject([{ nodeId: "trim", field: "percent" }]);
  });
});
