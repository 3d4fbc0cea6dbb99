import { describe, expect, it } from "vitest";
import { compatiblePort } from "./compatible-ports";
import { nodeCatalogue } from "./registry";

const def = (type: string) => nodeCatalogue.get(type)!;

describe("compatiblePort", () => {
  it("connects text from an output to an LLM's required user message", () => {
    expect(compatiblePort(def("llm"), { type: "text", from: "source" })).toBe("user_message");
  });
  it("finds an input for an image output, and none on a node without inputs", () => {
    expect(compatiblePort(def("llm"), { type: "image", from: "source" })).toBe("images");
    expect(compatiblePort(def("text"), { type: "text", from: "source" })).toBeNull();
  });
  it("finds an output when the wire started from an input", () => {
    expect(compatiblePort(def("text"), { type: "text", from: "target" })).toBe("text");
    expect(compatiblePort(def("uploadVideo"), { type: "text", from: "target" })).toBeNull();
  });
});
