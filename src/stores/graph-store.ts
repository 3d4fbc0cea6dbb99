/**
 * The canvas graph and its undo history. Every edit that changes what is saved goes
 * through `commit`, which pushes the previous graph onto the undo stack and bumps
 * `revision` (autosave and drafts watch it). Selection and measuring are view state:
 * applied, never recorded. A drag (a frame's with the nodes it carries) and a resize are
 * one undo step each; typing in a field is coalesced.
 */
import { applyEdgeChanges, applyNodeChanges, type Connection, type Edge, type EdgeChange, type Node, type NodeChange } from "@xyflow/react";
import { create } from "zustand";
import { checkConnection, type ConnectionCheck } from "@/nodes/connection-rules";
import { nodeCatalogue } from "@/nodes/registry";
import { carryFrameMembers, startFrameDrag, type FrameDrag } from "./frame-drag";
import { pushSnapshot, unselected, type GraphSnapshot } from "./graph-history";

export interface GraphState {
  nodes: Node[];
  edges: Edge[];
  past: GraphSnapshot[];
  future: GraphSnapshot[];
  /** Bumped on every saved-state change. */
  revision: number;
  load: (nodes: Node[], edges: Edge[]) => void;
  /** Replace the whole graph as one undoable edit (import, "take theirs"). */
  replace: (nodes: Node[], edges: Edge[]) => void;
  onNodesChange: (changes: NodeChange[]) => void;
  onEdgesChange: (changes: EdgeChange[]) => void;
  connect: (connection: Connection) => ConnectionCheck;
  /** `size` sets a resizable node's width and height (a note, a frame); its type's `initialSize` otherwise. */
  addNode: (type: string, position: { x: number; y: number }, data?: Record<string, unknown>, size?: { width: number; height: number }) => string;
  updateNodeData: (id: string, patch: Record<string, unknown>, coalesceKey?: string) => void;
  removeNodes: (ids: string[]) => void;
  /** Adds nodes and edges (a paste, a duplicate) as one undoable edit; they become the selection. */
  insertGraph: (nodes: Node[], edges: Edge[]) => void;
  /** Moves the given nodes to new positions as one undoable edit (tidy up); an empty map changes nothing. */
  moveNodes: (positions: ReadonlyMap<string, { x: number; y: number }>) => void;
  undo: () => void;
  redo: () => void;
}

let dragging = false;
let frameDrag: FrameDrag | null = null;
let resizing = false;
let batchOpen = false;
let lastCoalesce: { key: string; at: number } | null = null;

export function newNodeId(type: string): string {
  return `${type}-${Math.random().toString(36).slice(2, 8)}`;
}

export const useGraphStore = create<GraphState>()((set, get) => {
  /** Records the graph as it is now so the coming change can be undone. Changes in one tick form one step. */
  const checkpoint = () => {
    lastCoalesce = null;
    if (batchOpen) return;
    batchOpen = true;
    queueMicrotask(() => (batchOpen = false));
    const { nodes, edges, past } = get();
    set({ past: pushSnapshot(past, { nodes, edges }), future: [] });
  };
  const bump = () => set((s) => ({ revision: s.revision + 1 }));

  return {
    nodes: [],
    edges: [],
    past: [],
    future: [],
    revision: 0,
    load: (nodes, edges) => set({ nodes, edges, past: [], future: [] }),
    replace: (nodes, edges) => {
      checkpoint();
      set({ nodes, edges });
      bump();
    },
    onNodesChange: (changes) => {
      let record = false;
      let changed = false;
      let dragStarts = false;
      // A resize from the top or left also moves the node: that move belongs to the resize.
      const resizeStep = changes.some((c) => c.type === "dimensions" && c.resizing === true);
      for (const c of changes) {
        if (c.type === "add" || c.type === "remove" || c.type === "replace") record = changed = true;
        else if (c.type === "position") {
          if (c.dragging) {
            if (!dragging) {
              dragging = dragStarts = true;
              record = true;
            }
          } else if (dragging) {
            dragging = false;
            changed = true;
          } else if (c.position && !resizing && !resizeStep) record = changed = true;
        } else if (c.type === "dimensions" && c.resizing !== undefined) {
          // A resize (NodeResizer) sets the node's width and height: saved, so one undo step.
          if (c.resizing && !resizing) resizing = record = true;
          else if (!c.resizing && resizing) {
            resizing = false;
            changed = true;
          }
        }
      }
      if (record) checkpoint();
      if (dragStarts) frameDrag = startFrameDrag(get().nodes, changes);
      let nodes = applyNodeChanges(changes, get().nodes);
      if (frameDrag) nodes = carryFrameMembers(frameDrag, nodes);
      if (!dragging) frameDrag = null;
      set({ nodes });
      if (changed) bump();
    },
    onEdgesChange: (changes) => {
      const changed = changes.some((c) => c.type !== "select");
      if (changed) checkpoint();
      set({ edges: applyEdgeChanges(changes, get().edges) });
      if (changed) bump();
    },
    connect: (c) => {
      const { nodes, edges } = get();
      const check = checkConnection(nodes, edges, c);
      if (!check.ok) return check;
      const target = nodes.find((n) => n.id === c.target);
      const many = target?.type ? nodeCatalogue.get(target.type)?.inputs[c.targetHandle ?? ""]?.many : false;
      // A single-value input keeps only its newest connection.
      const kept = many ? edges : edges.filter((e) => !(e.target === c.target && e.targetHandle === c.targetHandle));
      const edge: Edge = {
        id: `e-${c.source}-${c.sourceHandle}-${c.target}-${c.targetHandle}`,
        source: c.source,
        sourceHandle: c.sourceHandle,
        target: c.target,
        targetHandle: c.targetHandle,
      };
      checkpoint();
      set({ edges: [...kept, edge] });
      bump();
      return check;
    },
    addNode: (type, position, data, size) => {
      const def = nodeCatalogue.get(type);
      const id = newNodeId(type);
      checkpoint();
      const node: Node = { id, type, position, ...(size ?? def?.initialSize), data: { ...(def?.defaults as Record<string, unknown>), ...data }, selected: true };
      set({ nodes: [...get().nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), node] });
      bump();
      return id;
    },
    updateNodeData: (id, patch, coalesceKey) => {
      const now = Date.now();
      const key = coalesceKey ? `${id}:${coalesceKey}` : null;
      const coalesce = key !== null && lastCoalesce?.key === key && now - lastCoalesce.at < 1500;
      if (!coalesce) checkpoint();
      lastCoalesce = key ? { key, at: now } : null;
      set({ nodes: get().nodes.map((n) => (n.id === id ? { ...n, data: { ...n.data, ...patch } } : n)) });
      bump();
    },
    removeNodes: (ids) => {
      const gone = new Set(ids);
      checkpoint();
      set({
        nodes: get().nodes.filter((n) => !gone.has(n.id)),
        edges: get().edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)),
      });
      bump();
    },
    insertGraph: (added, addedEdges) => {
      if (added.length === 0) return;
      checkpoint();
      set({
        nodes: [...get().nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), ...added.map((n) => ({ ...n, selected: true }))],
        edges: [...get().edges.map((e) => (e.selected ? { ...e, selected: false } : e)), ...addedEdges.map((e) => ({ ...e, selected: true }))],
      });
      bump();
    },
    moveNodes: (positions) => {
      if (positions.size === 0) return;
      checkpoint();
      set({ nodes: get().nodes.map((n) => (positions.has(n.id) ? { ...n, position: positions.get(n.id)! } : n)) });
      bump();
    },
    undo: () => {
      const { past, future, nodes, edges } = get();
      const previous = past.at(-1);
      if (!previous) return;
      lastCoalesce = null;
      set({ ...unselected(previous), past: past.slice(0, -1), future: [...future, { nodes, edges }] });
      bump();
    },
    redo: () => {
      const { past, future, nodes, edges } = get();
      const next = future.at(-1);
      if (!next) return;
      lastCoalesce = null;
      set({ ...unselected(next), future: future.slice(0, -1), past: pushSnapshot(past, { nodes, edges }) });
      bump();
    },
  };
});
