/** Below 1280 px the side panels start folded into rails (and open over the canvas), so the canvas keeps most of the width. */
"use client";
import { useEffect } from "react";
import { useUiStore } from "@/stores/ui-store";

const NARROW = "(max-width: 1279.98px)";

export function useNarrowLayout(): void {
  useEffect(() => {
    const query = window.matchMedia(NARROW);
    const apply = () => useUiStore.getState().set({ narrow: query.matches, leftOpen: !query.matches, historyOpen: !query.matches });
    apply();
    query.addEventListener("change", apply);
    return () => query.removeEventListener("change", apply);
  }, []);
}
