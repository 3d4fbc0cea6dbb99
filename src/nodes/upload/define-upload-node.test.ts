import { describe, expect, it } from "vitest";
import { checkReadiness } from "@/engine/check-readiness";
import { node } from "@/engine/test-graph";
import { nodeCatalogue } from "../registry";
import { uploadImageNode } from "../uploadImage/definition";
import { uploadVideoNode } from "../uploadVideo/definition";

describe("the upload nodes, one factory for two kinds", () => {
  it("output their kind and show their own preview instead of a result", () => {
    expect(uploadImageNode.outputs).toEqual({ image: { type: "image", label: "Image" } });
    expect(uploadVideoNode.outputs).toEqual({ video: { type: "video", label: "Video" } });
    expect([uploadImageNode.inlineResult, uploadVideoNode.inlineResult]).toEqual([false, false]);
    expect(uploadVideoNode.upload.extensions).toEqual(["mp4", "mov", "webm", "m4v"]);
  });

  it("are not ready before something is uploaded, each saying what", () => {
    const graph = { nodes: [node("i", "uploadImage", { assetId: null }), node("v", "uploadVideo"), node("ok", "uploadVideo", { assetId: "a" })], edges: [] };
    expect(checkReadiness(graph, ["i", "v", "ok"], nodeCatalogue)).toEqual([
      { nodeId: "i", nodeType: "uploadImage", field: "assetId", message: "no image uploaded yet" },
      { nodeId: "v", nodeType: "uploadVideo", field: "assetId", message: "no video uploaded yet" },
    ]);
  });

  it("know their output from the upload alone (a preview downstream needs no run)", () => {
    expect(uploadImageNode.knownOutputs?.({ assetId: "a1" })).toEqual({ image: "/api/files/a1" });
    expect(uploadVideoNode.knownOutputs?.({ assetId: "v1" })).toEqual({ video: "/api/files/v1" });
    expect(uploadImageNode.knownOutputs?.({ assetId: null })).toBeUndefined();
  });
});
