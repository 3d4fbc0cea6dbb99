/**
 * The saved version shown read-only on the canvas instead of the editor's graph (which stays
 * untouched in `graph-store.ts` and comes back on close). It holds that version's nodes and
 * edges plus ghosts of what the editor's graph has and the version lacks, and how each
 * differs from the editor's graph; the canvas decides how that looks.
 */
import { applyNodeChanges, type Edge, type Node, type NodeChange } from "@xyflow/react";
import { create } from "zustand";
import type { GraphDiff } from "@/lib/graph-diff";

export type PreviewStatus = "idle" | "loading" | "ready";

export interface PreviewGraph {
  /** The version's nodes, then ghosts of the removed ones (`diff.nodes` says which is which). */
  nodes: Node[];
  /** The version's edges, then ghosts of the removed ones. */
  edges: Edge[];
  diff: GraphDiff;
}

export interface PreviewedVersion {
  /** The number asked for (any number of its save range). */
  version: number;
  createdAt: string;
  /** Its name, if it has one. */
  message: string | null;
}

interface VersionPreviewState {
  /** The version being previewed (or loading); null while editing. */
  version: number | null;
  status: PreviewStatus;
  /** The version on the canvas: `version`'s once "ready"; while another loads, the one shown before (if any). */
  summary: PreviewedVersion | null;
  graph: PreviewGraph | null;
  set: (patch: Partial<Omit<VersionPreviewState, "set" | "applyNodeChanges">>) => void;
  /** React Flow's measurements of the shown nodes (nothing else can change them: the preview is read-only). */
  applyNodeChanges: (changes: NodeChange[]) => void;
}

export const IDLE_PREVIEW = { version: null, status: "idle", summary: null, graph: null } as const satisfies Partial<VersionPreviewState>;

export const useVersionPreviewStore = create<VersionPreviewState>()((set, get) => ({
  ...IDLE_PREVIEW,
  set: (patch) => set(patch),
  applyNodeChanges: (changes) => {
    const graph = get().graph;
    const measured = changes.filter((c) => c.type === "dimensions");
    if (!graph || measured.length === 0) return;
    set({ graph: { ...graph, nodes: applyNodeChanges(measured, graph.nodes) } });
  },
}));

/** True while a version is shown (or loading) in place of the editor's graph. */
export const selectPreviewing = (s: VersionPreviewState): boolean => s.version !== null;

/**
 * The edges into `nodeId` as the preview has them: a version's node its version's edges, a
 * ghost (a node the version lacks) the editor's edges it had.
 */
export function previewInputEdges(graph: PreviewGraph, nodeId: string): Edge[] {
  const ghost = graph.diff.nodes.get(nodeId) === "removed";
  return graph.edges.filter((e) => e.target === nodeId && (ghost || graph.diff.edges.get(e.id) !== "removed"));
}
