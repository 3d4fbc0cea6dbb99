import { describe, expect, it } from "vitest";
import { coveredNodes } from "./run-origin";

const names: Record<string, string> = { a: "Crop Image", b: "Writer", c: "Run Any LLM" };
const nameOf = (id: string) => names[id] ?? id;

describe("coveredNodes", () => {
  it("names the node of a single run and nothing for a full one", () => {
    expect(coveredNodes({ scope: "SINGLE", targetNodeIds: ["b"] }, nameOf)).toBe("Single: Writer");
    expect(coveredNodes({ scope: "FULL", targetNodeIds: [] }, nameOf)).toBeNull();
  });

  it("counts a selection and lists its names, cut after `shown`", () => {
    expect(coveredNodes({ scope: "PARTIAL", targetNodeIds: ["a", "b", "c"] }, nameOf)).toBe("Selection: 3 nodes — Crop Image, Writer, Run Any LLM");
    expect(coveredNodes({ scope: "PARTIAL", targetNodeIds: ["a", "b", "c"] }, nameOf, 2)).toBe("Selection: 3 nodes — Crop Image, Writer, …");
    expect(coveredNodes({ scope: "PARTIAL", targetNodeIds: ["gone", "a"] }, nameOf, 2)).toBe("Selection: 2 nodes — gone, Crop Image");
  });
});
