import { describe, expect, it } from "vitest";
import { nodeCatalogue } from "@/nodes/registry";
import type { CommandContext, EditorCommand } from "./command-types";
import { paletteEntries, searchPalette } from "./palette-entries";

const ctx = { flow: {} as CommandContext["flow"], at: null, nodeIds: [] } satisfies CommandContext;
const cmd = (id: string, title: string, more: Partial<EditorCommand> = {}): EditorCommand => ({ id, title, group: "Edit", run: () => {}, ...more });
const commands = [cmd("a", "Fill layout"), cmd("b", "Lull mode", { enabled: () => false }), cmd("c", "Palette", { palette: false })];

describe("paletteEntries", () => {
  it("offers shown node types, then commands not kept out of the palette", () => {
    const ids = paletteEntries({ at: null }, nodeCatalogue.list(), commands, ctx, true).map((e) => e.id);
    expect(ids).toContain("node:llm");
    expect(ids).not.toContain("node:vision");
    expect(ids.slice(-2)).toEqual(["a", "b"]);
  });
  it("offers only the node types a dropped text wire fits, and no command", () => {
    const wire = { nodeId: "t", handleId: "text", type: "text" as const, from: "source" as const };
    expect(paletteEntries({ at: null, wire }, nodeCatalogue.list(), commands, ctx, true).map((e) => e.id)).toEqual(["node:llm"]);
  });
});

describe("searchPalette", () => {
  it("puts what cannot run now after what can, so Enter picks one that can", () => {
    const entries = paletteEntries({ at: null }, nodeCatalogue.list(), commands, ctx, true);
    const found = searchPalette(entries, "ll").map((e) => e.id);
    expect(found[0]).toBe("node:llm");
    expect(found.indexOf("b")).toBeGreaterThan(found.indexOf("a"));
    expect(found.at(-1)).toBe("b");
  });
});
