/**
 * Which node results on the canvas are out of date (`lib/outdated/outdated-results.ts`),
 * kept in step with the graph and the results while the editor is open. Each node reads
 * its own entry, so an edit re-renders only the nodes whose mark changed.
 */
import { useEffect } from "react";
import { create } from "zustand";
import { createOutdatedTracker, type OutdatedReasons } from "@/lib/outdated/outdated-results";
import { nodeName } from "@/nodes/node-name";
import { useGraphStore } from "./graph-store";
import { useRunStore } from "./run-store";
import { selectPreviewing, useVersionPreviewStore } from "./version-preview-store";

export const useOutdatedStore = create<{ reasons: OutdatedReasons }>()(() => ({ reasons: {} }));

/** Why this node's result is out of date, or undefined; nothing while an old version is previewed. */
export function useOutdatedReason(nodeId: string): string | undefined {
  const reason = useOutdatedStore((s) => s.reasons[nodeId]);
  const previewing = useVersionPreviewStore(selectPreviewing);
  return previewing ? undefined : reason;
}

/** Starts following the graph and run stores; returns the stop. */
export function watchOutdatedResults(): () => void {
  const outdated = createOutdatedTracker(nodeName);
  const update = () => {
    const { nodes, edges } = useGraphStore.getState();
    const reasons = outdated({ nodes, edges, results: useRunStore.getState().results });
    if (reasons !== useOutdatedStore.getState().reasons) useOutdatedStore.setState({ reasons });
  };
  update();
  const offGraph = useGraphStore.subscribe((s, prev) => (s.nodes !== prev.nodes || s.edges !== prev.edges) && update());
  const offRuns = useRunStore.subscribe((s, prev) => s.results !== prev.results && update());
  return () => {
    offGraph();
    offRuns();
    useOutdatedStore.setState({ reasons: {} });
  };
}

/** Keeps the marks in step while the component using it (the editor) is mounted. */
export function useOutdatedResults(): void {
  useEffect(() => watchOutdatedResults(), []);
}
