/** The engine stays a package of its own: none of its sources may import the app (`@/…`). */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const dir = fileURLToPath(new URL(".", import.meta.url));
const sources = readdirSync(dir).filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name));

describe("the engine's imports", () => {
  it("has sources to check", () => {
    expect(sources).toContain("run-graph.ts");
    expect(sources).toContain("validate-graph.ts");
  });

  it.each(sources)("%s imports nothing from the app", (name) => {
    const text = readFileSync(join(dir, name), "utf8");
    const appImports = [...text.matchAll(/(?:from|import)\s*\(?\s*["'](@\/[^"']*)["']/g)].map((m) => m[1]);
    expect(appImports).toEqual([]);
  });
});
