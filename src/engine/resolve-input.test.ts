import { describe, expect, it } from "vitest";
import { mergeNodeInput, resolveNodeInput } from "./resolve-input";
import { testCatalogue } from "./test-catalogue";

const reply = testCatalogue.get("reply")!;

describe("resolveNodeInput", () => {
  it("lets a connection win over the typed value, and gives a many-valued input every value", () => {
    const merged = mergeNodeInput(reply, { prompt: "typed", label: "ui only" }, { prompt: ["first", "last"], images: ["a", "b"] });
    expect(merged).toEqual({ prompt: "last", images: ["a", "b"], label: "ui only" });
    expect(resolveNodeInput(reply, { prompt: "typed" }, { images: ["a"] })).toEqual({ ok: true, value: { prompt: "typed", images: ["a"] } });
  });

  it("names each field the strict schema refuses", () => {
    expect(resolveNodeInput(reply, { prompt: "  " }, {})).toEqual({ ok: false, problems: [{ field: "prompt", message: "prompt is required" }] });
  });
});
