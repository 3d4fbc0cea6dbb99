import { describe, expect, it } from "vitest";
import type { EditorCommand } from "./command-types";
import { EDITOR_COMMANDS } from "./editor-commands";
import { groupedShortcuts } from "./shortcut-help";

const cmd = (id: string, group: EditorCommand["group"], keys?: string[]): EditorCommand => ({ id, title: id, group, keys, run: () => {} });

describe("groupedShortcuts", () => {
  it("lists only commands with keys, grouped in a fixed order", () => {
    const grouped = groupedShortcuts([cmd("b", "View", ["M"]), cmd("a", "Edit", ["Mod+Z"]), cmd("c", "Edit")]);
    expect(grouped.map((g) => [g.group, g.commands.map((c) => c.id)])).toEqual([
      ["Edit", ["a"]],
      ["View", ["b"]],
    ]);
  });
});

describe("EDITOR_COMMANDS", () => {
  it("gives every command its own id and no key to two commands", () => {
    const ids = EDITOR_COMMANDS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = EDITOR_COMMANDS.flatMap((c) => c.keys ?? []).map((k) => k.toLowerCase());
    expect(new Set(keys).size).toBe(keys.length);
  });
});
