import { describe, expect, it } from "vitest";
import { checkReadiness } from "@/engine/check-readiness";
import type { TGraph } from "@/engine/graph-schema";
import { edge, node } from "@/engine/test-graph";
import { validateGraph } from "@/engine/validate-graph";
import { panelSections } from "./panel-sections";
import { nodeCatalogue } from "./registry";

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
      node("llm2", "vision", { provider: "groq", model: "llama-3.3-70b-versatile" }),
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

describe("the app's node catalogue", () => {
  it("validates the sample workflow, which is ready to run", () => {
    const graph = sampleGraph();
    expect(validateGraph(graph, nodeCatalogue)).toMatchObject({ ok: true });
    expect(checkReadiness(graph, graph.nodes.map((n) => n.id), nodeCatalogue)).toEqual([]);
  });

  it("saves a half-finished graph: nothing uploaded yet, an empty prompt", () => {
    const result = validateGraph(
      { nodes: [{ id: "u", type: "uploadImage", position: { x: 0, y: 0 } }, node("l", "llm", { user_message: "" })], edges: [edge("u", "l", "image", "images")] },
      nodeCatalogue,
    );
    expect(result.ok).toBe(true);
  });

  it("refuses an image output wired into llm.user_message", () => {
    const result = validateGraph({ nodes: [node("u", "uploadImage"), node("l", "llm")], edges: [edge("u", "l", "image", "user_message")] }, nodeCatalogue);
    expect(result).toEqual({
      ok: false,
      issues: [{ path: "edges[0]", code: "type_mismatch", message: 'cannot connect image output "image" of "u" to text input "user_message" of "l"' }],
    });
  });

  it("offers every type but the vision alias in the node panel, by section and order", () => {
    const sections = panelSections(nodeCatalogue);
    expect(sections.map((s) => [s.section, s.definitions.map((d) => d.type)])).toEqual([
      ["Inputs", ["text", "uploadImage", "uploadVideo"]],
      ["AI", ["llm"]],
      ["Media", ["cropImage", "extractFrame"]],
    ]);
  });

  it("gives every type an icon path and a colour", () => {
    for (const d of nodeCatalogue.list()) {
      expect(d.icon, d.type).toMatch(/^M[\d .,a-zA-Z-]+$/);
      expect(d.color, d.type).toMatch(/^#[0-9a-f]{6}$/);
    }
  });
});
