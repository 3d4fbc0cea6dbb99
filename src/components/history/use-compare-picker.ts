/**
 * The history's compare mode: picking two runs, then the pair whose comparison is open. Held by
 * the sidebar, so the run list and a run's detail ("Compare with…") share it.
 */
"use client";
import { useCallback, useMemo, useState } from "react";
import { togglePick } from "./compare-picks";

export interface ComparePicker {
  picking: boolean;
  picked: string[];
  /** [A, B] while the comparison is open. */
  pair: [string, string] | null;
  /** Enter compare mode, with a first run already picked. */
  start: (first?: string) => void;
  toggle: (runId: string) => void;
  cancel: () => void;
  open: (pair: [string, string]) => void;
  close: () => void;
}

export function useComparePicker(): ComparePicker {
  const [picking, setPicking] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const [pair, setPair] = useState<[string, string] | null>(null);
  const start = useCallback((first?: string) => {
    setPicking(true);
    setPicked(first ? [first] : []);
  }, []);
  const toggle = useCallback((runId: string) => setPicked((p) => togglePick(p, runId)), []);
  const cancel = useCallback(() => {
    setPicking(false);
    setPicked([]);
  }, []);
  // The picks stay after the dialog closes, so another pair is one click away.
  const open = useCallback((next: [string, string]) => setPair(next), []);
  const close = useCallback(() => setPair(null), []);
  return useMemo(
    () => ({ picking, picked, pair, start, toggle, cancel, open, close }),
    [picking, picked, pair, start, toggle, cancel, open, close],
  );
}
