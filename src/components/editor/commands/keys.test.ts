import { describe, expect, it } from "vitest";
import { formatBinding, matchesBinding } from "./keys";

const ev = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe("matchesBinding", () => {
  it("treats Ctrl and ⌘ alike as Mod", () => {
    expect(matchesBinding("Mod+C", ev("c", { ctrlKey: true }))).toBe(true);
    expect(matchesBinding("Mod+C", ev("c", { metaKey: true }))).toBe(true);
    expect(matchesBinding("Mod+C", ev("c"))).toBe(false);
  });
  it("requires Shift exactly for letters", () => {
    expect(matchesBinding("Mod+Z", ev("Z", { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(matchesBinding("Mod+Shift+Z", ev("Z", { ctrlKey: true, shiftKey: true }))).toBe(true);
  });
  it("accepts a symbol typed with Shift", () => {
    expect(matchesBinding("?", ev("?", { shiftKey: true }))).toBe(true);
    expect(matchesBinding("?", ev("?", { ctrlKey: true, shiftKey: true }))).toBe(false);
  });
  it("finds a letter by its physical key when Option changes the character (Mac)", () => {
    expect(matchesBinding("Shift+Alt+T", { ...ev("ˇ", { shiftKey: true, altKey: true }), code: "KeyT" })).toBe(true);
    expect(matchesBinding("Shift+Alt+T", { ...ev("ˇ", { shiftKey: true, altKey: true }), code: "KeyY" })).toBe(false);
  });
  it("names Escape and Enter", () => {
    expect(matchesBinding("Escape", ev("Escape"))).toBe(true);
    expect(matchesBinding("Mod+Enter", ev("Enter", { metaKey: true }))).toBe(true);
  });
});

describe("formatBinding", () => {
  it("shows Ctrl elsewhere and symbols on a Mac", () => {
    expect(formatBinding("Mod+Shift+Z", false)).toBe("Ctrl+Shift+Z");
    expect(formatBinding("Mod+Shift+Z", true)).toBe("⌘⇧Z");
  });
});
