import { describe, expect, it } from "vitest";
import { parseBlocks, type Block } from "./parse-blocks";

/** The blocks without their `src` (checked on its own below). */
const shape = (text: string): Block[] =>
  JSON.parse(JSON.stringify(parseBlocks(text), (key, value: unknown) => (key === "src" ? undefined : value))) as Block[];

describe("parseBlocks", () => {
  it("reads headings, paragraphs, rules and fenced code", () => {
    expect(shape("# Title #\n\nOne line\nand the next\n\n---\n\n```ts\nconst a = 1;\n```\nafter")).toEqual([
      { t: "h", level: 1, text: "Title" },
      { t: "p", text: "One line\nand the next" },
      { t: "hr" },
      { t: "code", lang: "ts", text: "const a = 1;" },
      { t: "p", text: "after" },
    ]);
  });

  it("keeps a half-written answer readable: an unclosed fence is code to the end", () => {
    expect(shape("Here:\n```py\nprint(1)\nprint(")).toEqual([
      { t: "p", text: "Here:" },
      { t: "code", lang: "py", text: "print(1)\nprint(" },
    ]);
  });

  it("reads setext headings, but one '-' under a line is a list item being typed", () => {
    expect(shape("Big\n===\nSmall\n---")).toEqual([
      { t: "h", level: 1, text: "Big" },
      { t: "h", level: 2, text: "Small" },
    ]);
    expect(shape("Intro\n-")[1]).toMatchObject({ t: "list" });
  });

  it("reads bullet and ordered lists with nesting and continuation", () => {
    expect(shape("- one\n- two\n  - nested\n  more\n\n3. c\n4. d")).toEqual([
      {
        t: "list",
        ordered: false,
        start: 1,
        items: [
          [{ t: "p", text: "one" }],
          [{ t: "p", text: "two" }, { t: "list", ordered: false, start: 1, items: [[{ t: "p", text: "nested\nmore" }]] }],
        ],
      },
      { t: "list", ordered: true, start: 3, items: [[{ t: "p", text: "c" }], [{ t: "p", text: "d" }]] },
    ]);
  });

  it("reads block quotes recursively", () => {
    expect(shape("> **note**\n> - a")).toEqual([
      { t: "quote", children: [{ t: "p", text: "**note**" }, { t: "list", ordered: false, start: 1, items: [[{ t: "p", text: "a" }]] }] },
    ]);
  });

  it("reads tables with alignment and escaped pipes, padding short rows", () => {
    expect(shape("| a | b | c |\n|:--|:-:|--:|\n| 1 | x \\| y |\n\nend")).toEqual([
      { t: "table", align: ["left", "center", "right"], header: ["a", "b", "c"], rows: [["1", "x | y", ""]] },
      { t: "p", text: "end" },
    ]);
    // A pipe without a rule line under it is just text.
    expect(shape("a | b\nc")).toEqual([{ t: "p", text: "a | b\nc" }]);
  });

  it("gives each top-level block its source, so unchanged blocks can be kept while text grows", () => {
    const before = parseBlocks("# A\n\npara one\n\npara");
    const after = parseBlocks("# A\n\npara one\n\npara two");
    expect(before.map((b) => b.src)).toEqual(["# A", "para one", "para"]);
    expect(after.slice(0, 2).map((b) => b.src)).toEqual(before.slice(0, 2).map((b) => b.src));
  });

  it("stays fast on hostile input (no backtracking blow-ups)", () => {
    const started = performance.now();
    parseBlocks(`-${" ".repeat(50_000)}x\n${"#".repeat(50_000)}x\n| a |\n|${"-".repeat(50_000)} x`);
    parseBlocks("- a\n".repeat(20_000));
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
