import { describe, expect, it } from "vitest";
import { parseInline } from "./parse-inline";
import { safeHref } from "./safe-href";

describe("parseInline", () => {
  it("reads strong, em, del and code spans, nested", () => {
    expect(parseInline("a **b *c*** `x*y*` ~~d~~")).toEqual([
      "a ",
      { t: "strong", children: ["b ", { t: "em", children: ["c"] }] },
      " ",
      { t: "code", text: "x*y*" },
      " ",
      { t: "del", children: ["d"] },
    ]);
  });

  it("leaves snake_case, lone stars and unclosed markers as text", () => {
    expect(parseInline("snake_case_name and 2 * 3 * 4 and **open")).toEqual(["snake_case_name and 2 * 3 * 4 and **open"]);
  });

  it("turns backslash escapes and newlines into text and breaks", () => {
    expect(parseInline("\\*not em\\*\nnext")).toEqual(["*not em*", { t: "br" }, "next"]);
  });

  it("makes links only of http(s) and mailto addresses", () => {
    expect(parseInline("[site](https://example.com/a?b=1) [mail](mailto:a@b.c)")).toEqual([
      { t: "link", href: "https://example.com/a?b=1", children: ["site"] },
      " ",
      { t: "link", href: "mailto:a@b.c", children: ["mail"] },
    ]);
    for (const bad of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,hi", "/api/workflows", "vbscript:x"]) {
      expect(parseInline(`[x](${bad})`)[0], bad).toMatchObject({ t: "link", href: null });
    }
    expect(safeHref("java\tscript:alert(1)")).toBeNull();
    expect(safeHref(" javascript:alert(1)")).toBeNull();
  });

  it("keeps images as links to the picture, never loading it", () => {
    expect(parseInline("![chart](https://example.com/c.png)")).toEqual([
      { t: "link", href: "https://example.com/c.png", image: true, children: ["🖼 chart"] },
    ]);
  });

  it("links autolinks and bare URLs without their sentence punctuation", () => {
    expect(parseInline("see <https://a.example/x> or https://b.example/y). Done")).toEqual([
      "see ",
      { t: "link", href: "https://a.example/x", children: ["https://a.example/x"] },
      " or ",
      { t: "link", href: "https://b.example/y", children: ["https://b.example/y"] },
      "). Done",
    ]);
  });

  it("keeps HTML as text", () => {
    expect(parseInline("<script>alert(1)</script><img src=x onerror=alert(1)>")).toEqual([
      "<script>alert(1)</script><img src=x onerror=alert(1)>",
    ]);
  });

  it("stays fast on hostile input (unmatched delimiters, deep nesting, bracket runs)", () => {
    const started = performance.now();
    parseInline("**x ".repeat(20_000));
    parseInline("`a ".repeat(20_000));
    parseInline(`${"[".repeat(20_000)}](https://x)`);
    parseInline(`https://a${".".repeat(50_000)}`);
    parseInline("*a ".repeat(5_000) + "a*".repeat(5_000));
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
