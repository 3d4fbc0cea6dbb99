import { describe, expect, it } from "vitest";
import { checkReadiness } from "@/engine/check-readiness";
import { edge, node } from "@/engine/test-graph";
import { validateGraph } from "@/engine/validate-graph";
import { nodeCatalogue } from "../registry";
import { llmNode, visionNode } from "./definition";

describe("llm node", () => {
  it("needs a user message unless one is connected", () => {
    const graph = {
      nodes: [node("t", "text", { text: "hi" }), node("alone", "llm", { provider: "google", model: "m" }), node("wired", "llm", { provider: "google", model: "m" })],
      edges: [edge("t", "wired", "text", "user_message")],
    };
    expect(checkReadiness(graph, ["t", "alone", "wired"], nodeCatalogue)).toEqual([
      { nodeId: "alone", nodeType: "llm", field: "user_message", message: "user message is required" },
    ]);
  });

  it("refuses a temperature out of range when saved", () => {
    const result = validateGraph({ nodes: [node("l", "llm", { temperature: 5 })], edges: [] }, nodeCatalogue);
    expect(result).toMatchObject({ ok: false, issues: [{ path: "nodes[0].data.temperature", code: "invalid_data" }] });
  });

  it("starts a new node on a configured provider when Gemini is not", () => {
    expect(llmNode.initialData?.({ providers: null })).toBeUndefined();
    expect(llmNode.initialData?.({ providers: { google: true, groq: true } })).toBeUndefined();
    expect(llmNode.initialData?.({ providers: { google: false, groq: true } })).toEqual({ provider: "groq", model: "llama-3.3-70b-versatile" });
    expect(llmNode.initialData?.({ providers: { google: false, groq: false, "openai-compatible": false } })).toBeUndefined();
  });

  it("has vision as a hidden alias with the same ports, view and server side", () => {
    expect(visionNode).toMatchObject({ type: "vision", sidebar: "hidden", folder: "llm", inputs: llmNode.inputs, outputs: llmNode.outputs });
    expect(visionNode.component).toBe(llmNode.component);
  });
});
