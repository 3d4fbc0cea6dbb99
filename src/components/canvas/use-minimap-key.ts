/** "M" shows or hides the minimap, unless the key is typed into a field. */
"use client";
import { useEffect } from "react";
import { useUiStore } from "@/stores/ui-store";

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest("input, textarea, select, [contenteditable='true']") !== null;
}

export function useMinimapKey(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== "m" || e.ctrlKey || e.metaKey || e.altKey || e.repeat || isTyping(e.target)) return;
      const { minimapOpen, set } = useUiStore.getState();
      set({ minimapOpen: !minimapOpen });
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
