import { describe, expect, it } from "vitest";
import { cropImageNode } from "@/nodes/cropImage/definition";
import { llmNode } from "@/nodes/llm/definition";
import { executorInput } from "./executor-input";

describe("executorInput: what the executor ran with, for run details", () => {
  it("shows a typed system prompt beside a wired user message, and the params with their defaults", () => {
    const data = { label: "Writer", provider: "groq", model: "llama", system_prompt: "Be brief.", user_message: "ignored: wired wins", maxTokens: 300 };
    const got = executorInput(llmNode, data, { user_message: ["from the text node"] });
    expect(got.inputs).toEqual([
      { name: "system_prompt", label: "System prompt", type: "text", value: "Be brief.", wired: false },
      { name: "user_message", label: "User message", type: "text", value: "from the text node", wired: true },
    ]);
    // No images: nothing received, so not listed. The label is the editor's, not a param.
    expect(got.params).toEqual([
      { name: "provider", value: "groq" },
      { name: "model", value: "llama" },
      { name: "maxTokens", value: 300 },
    ]);
  });

  it("keeps a typed 0 (a crop's x) and fills the defaults the executor got", () => {
    const got = executorInput(cropImageNode, { x_percent: 0, width_percent: 50 }, { image_url: ["/api/files/a"] });
    expect(got.inputs.map((i) => [i.name, i.value, i.wired])).toEqual([
      ["image_url", "/api/files/a", true],
      ["x_percent", 0, false],
      ["y_percent", 0, false],
      ["width_percent", 50, false],
      ["height_percent", 100, false],
    ]);
  });

  it("still shows what a node was given when it does not pass its own check", () => {
    const got = executorInput(llmNode, { label: "x", provider: "groq", model: "", system_prompt: "S" }, {});
    expect(got.inputs).toEqual([{ name: "system_prompt", label: "System prompt", type: "text", value: "S", wired: false }]);
    expect(got.params).toEqual([{ name: "provider", value: "groq" }]);
  });
});
