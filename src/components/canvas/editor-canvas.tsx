/**
 * The canvas: dot grid, minimap, zoom/pan/fit controls, drag-and-drop from the sidebar,
 * connections checked by port type and for cycles (a refusal says why in a toast).
 * While a saved version is previewed it draws that version instead, read-only and marked
 * against the editor's graph (`components/versions/use-preview-graph.ts`).
 */
"use client";
import {
  Background,
  BackgroundVariant,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStoreApi,
  type Connection,
  type Edge,
  type FinalConnectionState,
  type IsValidConnection,
  type OnConnectStartParams,
  type Viewport,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import "./wire-drag.css";
import { useCallback, useMemo, useRef, useState, type DragEvent } from "react";
import { initialData } from "@/components/editor/add-node";
import { useCanvasGestures } from "@/components/editor/commands/canvas-gestures";
import { forgetPointer, notePointer } from "@/components/editor/commands/pointer";
import { keepView } from "@/lib/client/kept-views";
import { paintDiffEdges } from "@/components/versions/diff-style";
import { READ_ONLY_FLOW, usePreviewGraph } from "@/components/versions/use-preview-graph";
import { checkConnection } from "@/nodes/connection-rules";
import { nodeCatalogue } from "@/nodes/registry";
import { toggleSelectionMode } from "@/stores/actions/selection";
import { useEditorStore } from "@/stores/editor-store";
import { useGraphStore } from "@/stores/graph-store";
import { toast } from "@/stores/toast-store";
import { useUiStore } from "@/stores/ui-store";
import { EDGE_TYPES } from "./canvas-edge";
import { CanvasToasts } from "./canvas-toasts";
import { withEstimatedSizes } from "./estimated-size";
import { NODE_TYPES } from "./node-types";
import { loadNodeViews, useNodeViewsLoaded } from "./node-views";
import { OpeningView } from "./opening-view";
import { useDecoratedEdges } from "./use-decorated-edges";
import { useFanBundles } from "./use-fan-bundles";
import { CANVAS_ZOOM, useFitAll } from "./use-fit-all";
import { minimapColor, withLayers } from "./with-layers";
import { clearWireDrag, markWireDrag } from "./wire-drag";

export const DRAG_MIME = "application/x-galaxy-node";

// Node views load while the editor fetches its workflow; the canvas waits for them (never a generic-then-real swap).
if (typeof window !== "undefined") void loadNodeViews(nodeCatalogue);

const isValidConnection: IsValidConnection = (c) => {
  const { nodes, edges } = useGraphStore.getState();
  return checkConnection(nodes, edges, c as Connection).ok;
};

function onConnect(c: Connection) {
  const check = useGraphStore.getState().connect(c);
  if (!check.ok) toast(check.reason, "error");
}

/** When a drag ends over a port that refused it, say why. */
function onConnectEnd(_e: MouseEvent | TouchEvent, state: FinalConnectionState) {
  if (state.isValid || !state.toHandle || !state.fromHandle) return;
  const [from, to] = state.fromHandle.type === "source" ? [state.fromHandle, state.toHandle] : [state.toHandle, state.fromHandle];
  const { nodes, edges } = useGraphStore.getState();
  const check = checkConnection(nodes, edges, { source: from.nodeId, sourceHandle: from.id ?? null, target: to.nodeId, targetHandle: to.id ?? null });
  if (!check.ok) toast(check.reason, "error");
}


export function EditorCanvas() {
  const nodes = useGraphStore((s) => s.nodes);
  const edges = useGraphStore((s) => s.edges);
  const onNodesChange = useGraphStore((s) => s.onNodesChange);
  const onEdgesChange = useGraphStore((s) => s.onEdgesChange);
  const preview = usePreviewGraph();
  const decorated: Edge[] = useDecoratedEdges(preview?.nodes ?? nodes, preview?.edges ?? edges);
  const diff = preview?.diff;
  const paintedEdges = useMemo(() => (diff ? paintDiffEdges(decorated, diff) : decorated), [diff, decorated]);
  // Big graphs: unmeasured nodes get a guessed size so only those in view are drawn (estimated-size.ts).
  const shownNodes = preview?.nodes ?? nodes;
  const flowStore = useStoreApi();
  const drawnNodes = useMemo(() => withLayers(withEstimatedSizes(shownNodes, (id) => flowStore.getState().nodeLookup.get(id)?.measured)), [shownNodes, flowStore]);
  // A fan-out's wires to nodes off screen are drawn as one bundle per port (fan-bundles.ts).
  const { edges: drawnEdges, noteView } = useFanBundles(drawnNodes, paintedEdges);
  const { screenToFlowPosition } = useReactFlow();
  // Drawn once the opening view is set (kept or readable first view), so it never jumps.
  const [viewReady, setViewReady] = useState(false);
  const onViewReady = useCallback((view: Viewport) => {
    noteView(view);
    setViewReady(true);
  }, [noteView]);
  const workflowId = useEditorStore((s) => s.workflowId);
  const minimapOpen = useUiStore((s) => s.minimapOpen);
  const selectionMode = useUiStore((s) => s.selectionMode);
  const fitAll = useFitAll();
  const viewsLoaded = useNodeViewsLoaded(nodeCatalogue);
  // Set on the root while a wire is dragged, so matching handles light up (wire-drag.ts).
  const rootRef = useRef<HTMLDivElement>(null);
  const onWireStart = useCallback((_e: MouseEvent | TouchEvent, params: OnConnectStartParams) => markWireDrag(rootRef.current, params), []);
  // Right-click menus, and the palette from a double-click or a wire dropped on empty canvas.
  const gestures = useCanvasGestures();
  const onWireEnd = useCallback((e: MouseEvent | TouchEvent, state: FinalConnectionState) => {
    clearWireDrag(rootRef.current);
    if (!gestures.onWireDrop(e, state)) onConnectEnd(e, state);
  }, [gestures]);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const type = e.dataTransfer.getData(DRAG_MIME);
      if (!type || !nodeCatalogue.get(type)) return;
      e.preventDefault();
      const p = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      useGraphStore.getState().addNode(type, { x: p.x - 150, y: p.y - 30 }, initialData(type));
    },
    [screenToFlowPosition],
  );

  return (
    <div ref={rootRef} className="relative h-full w-full" data-testid="canvas" data-view={viewReady ? "ready" : "opening"} data-previewing={preview ? "true" : undefined}
      // Where a paste or a palette's node lands (commands/pointer.ts).
      onPointerMove={(e) => notePointer(e.clientX, e.clientY)}
      onPointerLeave={forgetPointer}
      onDoubleClick={preview ? undefined : gestures.onDoubleClick}
    >
      {viewsLoaded && (
        <ReactFlow
          nodes={drawnNodes}
          edges={drawnEdges}
          // Draw only the nodes and edges in view: what makes 500-node workflows open and edit quickly.
          onlyRenderVisibleElements
          nodeTypes={NODE_TYPES}
          edgeTypes={EDGE_TYPES}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          onConnectStart={onWireStart}
          onConnectEnd={onWireEnd}
          isValidConnection={isValidConnection}
          onDragOver={(e) => {
            if (e.dataTransfer.types.includes(DRAG_MIME)) {
              e.preventDefault();
              e.dataTransfer.dropEffect = "copy";
            }
          }}
          onDrop={onDrop}
          {...gestures.flowProps}
          colorMode="dark"
          // Delete/Backspace are the `selection.delete` command (commands/editor-commands.ts), so keys, menus and help agree.
          deleteKeyCode={null}
          // Box selection: Shift+drag on the empty canvas, or a plain drag in selection mode (S), which pans with the middle or right button.
          selectionKeyCode="Shift"
          selectionOnDrag={selectionMode}
          panOnDrag={selectionMode ? [1, 2] : true}
          // A previewed version is read-only: this replaces every editing handler above.
          {...(preview ? READ_ONLY_FLOW : {})}
          multiSelectionKeyCode={["Meta", "Control", "Shift"]}
          onMoveEnd={(_e, view) => {
            noteView(view);
            if (viewReady && workflowId) keepView(workflowId, view);
          }}
          minZoom={CANVAS_ZOOM.min}
          maxZoom={CANVAS_ZOOM.max}
          proOptions={{ hideAttribution: true }}
          defaultEdgeOptions={{ interactionWidth: 16 }}
          className={`!bg-canvas ${viewReady ? "" : "opacity-0"}`}
        >
          <OpeningView workflowId={workflowId} onReady={onViewReady} />
          <Background variant={BackgroundVariant.Dots} gap={22} size={1.4} color="#34343f" />
          {minimapOpen && <MiniMap pannable zoomable nodeColor={minimapColor} maskColor="rgba(11,11,15,0.75)" className="!bg-panel" ariaLabel="Minimap" />}
          <Controls className="!border-line" aria-label="Zoom controls" showFitView={false}>
            {/* Our own: React Flow's would wait for every node to be measured (use-fit-all.ts). */}
            <ControlButton className="react-flow__controls-fitview" aria-label="Fit View" title="Fit View" onClick={fitAll}>
              <svg viewBox="0 0 32 30" aria-hidden>
                <path fill="currentColor" d="M3.692 4.63c0-.53.4-.938.939-.938h5.215V0H4.708C2.13 0 0 2.054 0 4.63v5.216h3.692V4.631zM27.354 0h-5.2v3.692h5.17c.53 0 .984.4.984.939v5.215H32V4.631A4.624 4.624 0 0027.354 0zm.954 24.83c0 .532-.4.94-.939.94h-5.215v3.768h5.215c2.577 0 4.631-2.13 4.631-4.707v-5.139h-3.692v5.139zm-23.677.94c-.531 0-.939-.4-.939-.94v-5.138H0v5.139c0 2.577 2.13 4.707 4.708 4.707h5.138V25.77H4.631z" />
              </svg>
            </ControlButton>
            <ControlButton
              data-testid="toggle-minimap"
              aria-label={minimapOpen ? "Hide minimap (M)" : "Show minimap (M)"}
              title={minimapOpen ? "Hide minimap (M)" : "Show minimap (M)"}
              aria-pressed={minimapOpen}
              onClick={() => useUiStore.getState().set({ minimapOpen: !minimapOpen })}
            >
              <svg viewBox="0 0 24 24" aria-hidden><path fill="currentColor" d="M3 5h18v14H3zm2 2v10h14V7zm7 5h6v4h-6z" /></svg>
            </ControlButton>
            <ControlButton
              data-testid="toggle-selection-mode"
              aria-label={selectionMode ? "Drag pans the canvas (S)" : "Drag selects a box (S)"}
              title={selectionMode ? "Selection mode on: drag selects a box, middle or right button pans (S)" : "Selection mode: drag on the empty canvas selects a box (S)"}
              aria-pressed={selectionMode}
              onClick={toggleSelectionMode}
            >
              <svg viewBox="0 0 24 24" aria-hidden><path fill="none" stroke="currentColor" strokeWidth="2" strokeDasharray="3 2" d="M4 4h16v16H4z" /></svg>
            </ControlButton>
          </Controls>
        </ReactFlow>
      )}
      <CanvasToasts />
    </div>
  );
}
