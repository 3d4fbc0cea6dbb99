/** Key bindings written as text (`Mod+Shift+Z`, `?`, `Escape`): matching a keyboard event and showing them. */

export interface KeyEventLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  /** The physical key (`KeyT`): on a Mac, Option changes `key` (⌥T types "†"), so letters fall back to it. */
  code?: string;
}

const NAMED: Record<string, string> = { esc: "escape", del: "delete", space: " " };

/** True when `event` is the binding `binding`. Mod is Ctrl or ⌘; Shift must match unless the key is a symbol that needs it (`?`). */
export function matchesBinding(binding: string, event: KeyEventLike): boolean {
  const parts = binding.split("+");
  const key = parts.pop()!.toLowerCase();
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  const mod = event.ctrlKey || event.metaKey;
  if (mods.has("mod") !== mod || mods.has("alt") !== event.altKey) return false;
  const symbol = key.length === 1 && !/[a-z0-9]/.test(key);
  if (!symbol && mods.has("shift") !== event.shiftKey) return false;
  if (event.key.toLowerCase() === (NAMED[key] ?? key)) return true;
  // Only with Option/Alt: elsewhere `key` is the layout's letter (Ctrl+Z on AZERTY is the key marked Z).
  if (!event.altKey) return false;
  return /^[a-z]$/.test(key) ? event.code === `Key${key.toUpperCase()}` : /^[0-9]$/.test(key) && event.code === `Digit${key}`;
}

/** `Mod+Shift+Z` → `Ctrl+Shift+Z` (or `⌘⇧Z` on a Mac). */
export function formatBinding(binding: string, mac: boolean): string {
  const parts = binding.split("+");
  if (!mac) return parts.map((p) => (p === "Mod" ? "Ctrl" : p)).join("+");
  const MAC: Record<string, string> = { Mod: "⌘", Shift: "⇧", Alt: "⌥" };
  return parts.map((p) => MAC[p] ?? p).join("");
}

export function isMac(): boolean {
  return typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
}

/** A field where typing goes: the keys belong to it (Ctrl+A selects its text, Delete edits it). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === "TEXTAREA" || target.tagName === "SELECT" || (target.tagName === "INPUT" && !["checkbox", "radio", "button", "range"].includes((target as HTMLInputElement).type));
}
