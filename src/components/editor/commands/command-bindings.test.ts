/** The keys of the commands this list adds, as a keyboard sends them. */
import { describe, expect, it } from "vitest";
import { EDITOR_COMMANDS } from "./editor-commands";
import { matchesBinding, type KeyEventLike } from "./keys";

const press = (key: string, mods: Partial<KeyEventLike> = {}): KeyEventLike => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
const commandFor = (e: KeyEventLike) => EDITOR_COMMANDS.find((c) => c.keys?.some((k) => matchesBinding(k, e)))?.id;

describe("command keys", () => {
  it("opens the palette with Ctrl+K or ⌘K, not with K alone", () => {
    expect(commandFor(press("k", { ctrlKey: true }))).toBe("help.palette");
    expect(commandFor(press("k", { metaKey: true }))).toBe("help.palette");
    expect(commandFor(press("k"))).toBeUndefined();
  });
  it("toggles the minimap with M only, not Shift+M or Ctrl+M", () => {
    expect(commandFor(press("m"))).toBe("view.minimap");
    expect(commandFor(press("M", { shiftKey: true }))).toBeUndefined();
    expect(commandFor(press("m", { ctrlKey: true }))).toBeUndefined();
  });
  it("opens the context menu with the ContextMenu key or Shift+F10, not F10 alone", () => {
    expect(commandFor(press("ContextMenu"))).toBe("help.menu");
    expect(commandFor(press("F10", { shiftKey: true }))).toBe("help.menu");
    expect(commandFor(press("F10"))).toBeUndefined();
  });
  it("opens the help with ?, typed with Shift or not", () => {
    expect(commandFor(press("?", { shiftKey: true }))).toBe("help.shortcuts");
    expect(commandFor(press("?"))).toBe("help.shortcuts");
  });
});
