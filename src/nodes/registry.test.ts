import { describe, expect, it } from "vitest";
import { checkReadiness } from "@/engine/check-readiness";
import { edge, node } from "@/engine/test-graph";
import { validateGraph } from "@/engine/validate-graph";
import { graphFixture } from "../../tests/fixtures";
import { panelSections } from "./panel-sections";
import { nodeCatalogue } from "./registry";

describe("the app's node catalogue", () => {
  it.each(["product-marketing-kit", "every-node-type"] as const)("validates the %s fixture, which is ready to run", (name) => {
    const graph = graphFixture(name);
    expect(validateGraph(graph, nodeCatalogue)).toMatchObject({ ok: true });
    expect(checkReadiness(graph, graph.nodes.map((n) => n.id), nodeCatalogue)).toEqual([]);
  });

  it("has every type of the catalogue in the every-node-type fixture", () => {
    const types = new Set(graphFixture("every-node-type").nodes.map((n) => n.type));
    expect([...types].sort()).toEqual(nodeCatalogue.list().map((d) => d.type).sort());
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
      ["Canvas", ["note", "frame"]],
    ]);
  });

  it("gives every type an icon path and a colour", () => {
    for (const d of nodeCatalogue.list()) {
      expect(d.icon, d.type).toMatch(/^M[\d .,a-zA-Z-]+$/);
      expect(d.color, d.type).toMatch(/^#[0-9a-f]{6}$/);
    }
  });
});
