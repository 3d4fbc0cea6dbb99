import { describe, expect, it } from "vitest";
import { checkReadiness } from "@/engine/check-readiness";
import { edge, node } from "@/engine/test-graph";
import { validateGraph } from "@/engine/validate-graph";
import { nodeCatalogue } from "../registry";

describe("cropImage node", () => {
  it("refuses percentages out of range or of the wrong type when saved, naming each", () => {
    const result = validateGraph({ nodes: [node("c", "cropImage", { x_percent: 150, y_percent: "ten" })], edges: [] }, nodeCatalogue);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path).sort()).toEqual(["nodes[0].data.x_percent", "nodes[0].data.y_percent"]);
  });

  it("lists its inputs when a connection names another", () => {
    const result = validateGraph({ nodes: [node("u", "uploadImage"), node("c", "cropImage")], edges: [edge("u", "c", "image", "nope")] }, nodeCatalogue);
    expect(result).toMatchObject({
      ok: false,
      issues: [{ path: "edges[0].targetHandle", message: '"nope" is not an input of cropImage node "c" (inputs: image_url, x_percent, y_percent, width_percent, height_percent)' }],
    });
  });

  it("needs an image to run, and defaults the box to the whole image", () => {
    const graph = { nodes: [node("u", "uploadImage", { assetId: "a" }), node("alone", "cropImage"), node("wired", "cropImage")], edges: [edge("u", "wired", "image", "image_url")] };
    expect(checkReadiness(graph, ["alone", "wired"], nodeCatalogue)).toEqual([
      { nodeId: "alone", nodeType: "cropImage", field: "image_url", message: "connect an image" },
    ]);
    expect(nodeCatalogue.get("cropImage")!.resolved.parse({ image_url: "u" })).toEqual({ image_url: "u", x_percent: 0, y_percent: 0, width_percent: 100, height_percent: 100 });
  });
});
