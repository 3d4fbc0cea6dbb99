/**
 * The canvas's ways into the command overlays: right-click (canvas, node, selection) opens the
 * menu, a double-click on empty canvas or a wire dropped there opens the palette. Handlers for
 * React Flow, kept here so the canvas only passes them on.
 */
"use client";
import { useReactFlow, type FinalConnectionState, type Node, type ReactFlowProps } from "@xyflow/react";
import { useMemo, type MouseEvent as ReactMouseEvent } from "react";
import { nodeCatalogue } from "@/nodes/registry";
import { useGraphStore } from "@/stores/graph-store";
import { openedByKeyJustNow } from "./open-menu-by-key";
import { openMenu, openPalette, type LooseWire } from "./overlays";

const selectedIds = () => useGraphStore.getState().nodes.filter((n) => n.selected).map((n) => n.id);

/** True when the event happened on the empty canvas, not on a node, an edge or a control. */
function onPane(target: EventTarget | null): boolean {
  return target instanceof Element && target.classList.contains("react-flow__pane");
}

function pointOf(e: MouseEvent | TouchEvent): { x: number; y: number } {
  if ("changedTouches" in e) {
    const t = e.changedTouches[0];
    return { x: t?.clientX ?? 0, y: t?.clientY ?? 0 };
  }
  return { x: e.clientX, y: e.clientY };
}

/** The wire's loose end when it was dropped on empty canvas (not on a port, which says why it refused). */
function looseWire(e: MouseEvent | TouchEvent, state: FinalConnectionState): LooseWire | null {
  const from = state.fromHandle;
  if (state.isValid || state.toHandle || state.toNode || !from?.id) return null;
  // What is under the drop point (a touch's target is where it started).
  const { x, y } = pointOf(e);
  if (!onPane(document.elementFromPoint(x, y))) return null;
  const type = nodeCatalogue.get(useGraphStore.getState().nodes.find((n) => n.id === from.nodeId)?.type ?? "");
  const port = (from.type === "source" ? type?.outputs : type?.inputs)?.[from.id];
  return port ? { nodeId: from.nodeId, handleId: from.id, type: port.type, from: from.type } : null;
}

export interface CanvasGestures {
  flowProps: Pick<ReactFlowProps, "onPaneContextMenu" | "onNodeContextMenu" | "onSelectionContextMenu" | "zoomOnDoubleClick">;
  /** On the canvas's wrapper: React Flow has no pane double-click of its own. */
  onDoubleClick: (e: ReactMouseEvent) => void;
  /** Call from `onConnectEnd`; true when it opened the palette for the dropped wire. */
  onWireDrop: (e: MouseEvent | TouchEvent, state: FinalConnectionState) => boolean;
}

export function useCanvasGestures(): CanvasGestures {
  const { screenToFlowPosition } = useReactFlow();
  return useMemo(() => {
    const menu = (e: ReactMouseEvent | MouseEvent, kind: "canvas" | "node", nodeIds: string[]) => {
      e.preventDefault();
      // The ContextMenu key opened the menu already; the browser's own event follows it.
      if (openedByKeyJustNow()) return;
      openMenu({ kind, nodeIds, screen: { x: e.clientX, y: e.clientY } });
    };
    return {
      flowProps: {
        // A double-click on the canvas opens the palette instead.
        zoomOnDoubleClick: false,
        onPaneContextMenu: (e) => menu(e, "canvas", selectedIds()),
        // A node that is part of the selection stands for the whole selection.
        onNodeContextMenu: (e, node: Node) => {
          const selected = selectedIds();
          menu(e, "node", selected.includes(node.id) ? selected : [node.id]);
        },
        onSelectionContextMenu: (e, nodes: Node[]) => menu(e, "node", nodes.map((n) => n.id)),
      },
      onDoubleClick: (e) => {
        if (onPane(e.target)) openPalette({ at: screenToFlowPosition({ x: e.clientX, y: e.clientY }) });
      },
      onWireDrop: (e, state) => {
        const wire = looseWire(e, state);
        if (!wire) return false;
        openPalette({ at: screenToFlowPosition(pointOf(e)), wire });
        return true;
      },
    };
  }, [screenToFlowPosition]);
}
