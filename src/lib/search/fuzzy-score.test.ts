import { describe, expect, it } from "vitest";
import { fuzzyFilter, fuzzyScore } from "./fuzzy-score";

describe("fuzzyScore", () => {
  it("matches a subsequence in any case and refuses letters out of order", () => {
    expect(fuzzyScore("rnllm", "Run Any LLM")).not.toBeNull();
    expect(fuzzyScore("MLL", "Run Any LLM")).toBeNull();
    expect(fuzzyScore("xyz", "Run Any LLM")).toBeNull();
  });
  it("ignores spaces in the query and matches everything when empty", () => {
    expect(fuzzyScore("run any", "Run Any LLM")).not.toBeNull();
    expect(fuzzyScore("", "Anything")).toBe(0);
  });
  it("ranks word starts above letters inside words", () => {
    expect(fuzzyScore("llm", "Run Any LLM")!).toBeGreaterThan(fuzzyScore("llm", "Fill mask")!);
    expect(fuzzyScore("tm", "Toggle minimap")!).toBeGreaterThan(fuzzyScore("tm", "Extract frame")!);
  });
  it("prefers a later word start over an earlier letter inside a word", () => {
    // The first "i" is inside "Preview"; the match must jump to the start of "image".
    expect(fuzzyScore("im", "Preview image")!).toBeGreaterThan(fuzzyScore("im", "Primate")!);
  });
  it("ranks a run of letters above scattered ones", () => {
    expect(fuzzyScore("crop", "Crop Image")!).toBeGreaterThan(fuzzyScore("crop", "Create new Output")!);
  });
});

describe("fuzzyFilter", () => {
  const titles = ["Fill mask", "Run Any LLM", "Export", "Undo"];
  it("keeps only matches, best first", () => {
    expect(fuzzyFilter(titles, "llm", (t) => [t])).toEqual(["Run Any LLM", "Fill mask"]);
  });
  it("keeps the given order for an empty query", () => {
    expect(fuzzyFilter(titles, "", (t) => [t])).toEqual(titles);
  });
  it("scores an item on the best of its texts", () => {
    const items = [{ title: "Run Any LLM", type: "llm" }, { title: "Text", type: "text" }];
    expect(fuzzyFilter(items, "llm", (i) => [i.title, i.type]).map((i) => i.title)).toEqual(["Run Any LLM"]);
  });
});
