import { describe, expect, it } from "vitest";
import { checkReadiness } from "./check-readiness";
import type { TGraph } from "./graph-schema";
import { edge, node } from "./test-graph";
import { validateGraph } from "./validate-graph";

/** The sample "Product Marketing Kit Generator", in wire format. */
function sampleGraph(): TGraph {
  return {
    nodes: [
      node("img", "uploadImage", { assetId: "asset-1" }),
      node("crop", "cropImage", { x_percent: 10, width_percent: 80 }),
      node("sys", "text", { text: "You write product copy." }),
      node("msg", "text", { text: "Describe this product." }),
      node("llm1", "llm", { provider: "google", model: "gemini-2.5-flash", label: "Copy" }),
      node("vid", "uploadVideo", { assetId: "asset-2" }),
      node("frame", "extractFrame", { timestamp: "50%" }),
      node("llm2", "llm", { provider: "groq", model: "llama-3.3-70b-versatile" }),
    ],
    edges: [
      edge("img", "crop", "image", "image_url"),
      edge("crop", "llm1", "image", "images"),
      edge("sys", "llm1", "text", "system_prompt"),
      edge("msg", "llm1", "text", "user_message"),
      edge("vid", "frame", "video", "video_url"),
      edge("llm1", "llm2", "output", "user_message"),
      edge("crop", "llm2", "image", "images"),
      edge("frame", "llm2", "image", "images"),
    ],
  };
}

describe("validateGraph", () => {
  it("accepts a valid graph and keeps React Flow's extra keys", () => {
    const graph = sampleGraph();
    const withUi = { ...graph, nodes: graph.nodes.map((n) => ({ ...n, selected: true, measured: { width: 200, height: 80 } })) };
    const result = validateGraph(withUi);
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(result.graph.nodes[0]).toMatchObject({ selected: true, measured: { width: 200 } });
  });

  it("accepts a half-finished graph (empty prompt, no upload yet) and fills a missing data", () => {
    const result = validateGraph({
      nodes: [{ id: "u", type: "uploadImage", position: { x: 0, y: 0 } }, node("l", "llm", { user_message: "" })],
      edges: [edge("u", "l", "image", "images")],
    });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.graph.nodes[0].data).toEqual({});
  });

  it("reports every problem at once, each with a path", () => {
    const graph = sampleGraph();
    graph.nodes.push(
      node("mystery", "teleport"),
      node("crop", "cropImage"), // duplicate id
      node("crop2", "cropImage", { x_percent: 150, y_percent: "ten" }),
      node("a", "llm"),
      node("b", "llm"),
    );
    graph.edges.push(
      edge("img", "ghost", "image", "image_url"), // missing target
      edge("img", "crop2", "picture", "image_url"), // bad source handle
      edge("img", "crop2", "image", "nope"), // bad target handle
      edge("img", "llm2", "image", "user_message"), // type mismatch (and a 2nd user_message)
      edge("a", "b", "output", "user_message"),
      edge("b", "a", "output", "user_message"), // cycle
    );
    graph.edges.push({ ...graph.edges[0] }); // duplicate edge id
    const result = validateGraph(graph);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byCode = (code: string) => result.issues.filter((i) => i.code === code).map(({ path, message }) => ({ path, message }));

    expect(byCode("unknown_node_type")).toEqual([{ path: "nodes[8].type", message: 'unknown node type "teleport"' }]);
    expect(byCode("duplicate_node_id")).toEqual([{ path: "nodes[9].id", message: 'duplicate node id "crop" (also nodes[1])' }]);
    expect(byCode("invalid_data").map((i) => i.path).sort()).toEqual(["nodes[10].data.x_percent", "nodes[10].data.y_percent"]);
    expect(byCode("missing_node")).toEqual([{ path: "edges[8].target", message: 'no node with id "ghost"' }]);
    expect(byCode("unknown_handle").map((i) => i.path)).toEqual(["edges[9].sourceHandle", "edges[10].targetHandle"]);
    expect(byCode("unknown_handle")[1].message).toContain("x_percent");
    expect(byCode("type_mismatch")).toEqual([
      { path: "edges[11]", message: 'cannot connect image output "image" of "img" to text input "user_message" of "llm2"' },
    ]);
    // edges[14] copies edges[0], so it also connects crop.image_url twice.
    expect(byCode("too_many_connections").map((i) => i.path)).toEqual(["edges[11].targetHandle", "edges[14].targetHandle"]);
    expect(byCode("cycle")).toEqual([{ path: "edges[13]", message: "cycle: a → b → a" }]);
    expect(byCode("duplicate_edge_id")).toEqual([{ path: "edges[14].id", message: 'duplicate edge id "img->crop:image_url" (also edges[0])' }]);
  });

  it("reports an image output wired into llm.user_message as a type mismatch", () => {
    const result = validateGraph({
      nodes: [node("u", "uploadImage"), node("l", "llm")],
      edges: [edge("u", "l", "image", "user_message")],
    });
    expect(result).toEqual({
      ok: false,
      issues: [{ path: "edges[0]", code: "type_mismatch", message: 'cannot connect image output "image" of "u" to text input "user_message" of "l"' }],
    });
  });

  it("names every node on a longer cycle, including a self-loop", () => {
    const result = validateGraph({
      nodes: [node("a", "llm"), node("b", "llm"), node("c", "llm"), node("d", "cropImage")],
      edges: [edge("a", "b", "output", "user_message"), edge("b", "c", "output", "user_message"), edge("c", "a", "output", "user_message"), edge("d", "d", "image", "image_url")],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.message)).toEqual(["cycle: a → b → c → a", "cycle: d → d"]);
  });

  it("enforces the node and edge limits", () => {
    const nodes = Array.from({ length: 501 }, (_, i) => node(`t${i}`, "text"));
    const result = validateGraph({ nodes, edges: [] });
    expect(result).toEqual({ ok: false, issues: [{ path: "nodes", code: "too_many_nodes", message: "too many nodes: 501 (the limit is 500)" }] });
    expect(validateGraph({ nodes: nodes.slice(0, 3), edges: [] }, { maxNodes: 2 }).ok).toBe(false);
    expect(validateGraph({ nodes, edges: [] }, { maxNodes: 1000 }).ok).toBe(true);
  });

  it("reports shape errors with paths and still checks the rest", () => {
    const result = validateGraph({
      nodes: [{ id: "", type: "text", position: { x: 0 } }, node("l", "llm", { temperature: 5 })],
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
    expect(validateGraph({ nodes: "x" })).toMatchObject({ ok: false, issues: [{ path: "nodes" }, { path: "edges" }] });
    expect(validateGraph(null)).toMatchObject({ ok: false, issues: [{ code: "invalid_shape" }] });
  });
});

describe("checkReadiness", () => {
  it("reports a missing user_message unless it is connected", () => {
    const graph: TGraph = {
      nodes: [node("t", "text", { text: "hi" }), node("alone", "llm", { provider: "google", model: "m" }), node("wired", "llm", { provider: "google", model: "m" })],
      edges: [edge("t", "wired", "text", "user_message")],
    };
    expect(checkReadiness(graph, ["t", "alone", "wired"])).toEqual([
      { nodeId: "alone", nodeType: "llm", field: "user_message", message: "user message is required" },
    ]);
  });

  it("reports each problem of each node in scope, and only those", () => {
    const graph = sampleGraph();
    graph.nodes.push(node("crop3", "cropImage"), node("up", "uploadImage", { assetId: null }));
    expect(checkReadiness(graph, ["crop3", "up", "llm2", "missing"])).toEqual([
      { nodeId: "crop3", nodeType: "cropImage", field: "image_url", message: "connect an image" },
      { nodeId: "up", nodeType: "uploadImage", field: "assetId", message: "no image uploaded yet" },
      { nodeId: "missing", nodeType: "", field: "id", message: 'no node with id "missing"' },
    ]);
    expect(checkReadiness(sampleGraph(), sampleGraph().nodes.map((n) => n.id))).toEqual([]);
  });
});
