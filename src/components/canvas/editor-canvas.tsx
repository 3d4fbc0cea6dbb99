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
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStoreApi,
  type Connection,
  type Edge,
  type FinalConnectionState,
  type IsValidConnection,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useCallback, useMemo, useState, type DragEvent } from "react";
import { initialData } from "@/components/editor/add-node";
import { paintDiffEdges } from "@/components/versions/diff-style";
import { READ_ONLY_FLOW, usePreviewGraph } from "@/components/versions/use-preview-graph";
import { checkConnection } from "@/nodes/connection-rules";
import { nodeCatalogue } from "@/nodes/registry";
import { useGraphStore } from "@/stores/graph-store";
import { toast } from "@/stores/toast-store";
import { CanvasToasts } from "./canvas-toasts";
import { withEstimatedSizes } from "./estimated-size";
import { useFitOnOpen } from "./use-fit-on-open";
import { NODE_TYPES } from "./node-types";
import { loadNodeViews, useNodeViewsLoaded } from "./node-views";
import { useDecoratedEdges } from "./use-decorated-edges";

export const DRAG_MIME = "application/x-galaxy-node";
// `includeHiddenNodes` makes the fit count nodes by their guessed size too, not only those measured.
const FIT_ON_OPEN = { padding: 0.2, maxZoom: 1, includeHiddenNodes: true };

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

/** The node's colour; grey for a type the catalogue lacks (never in a validated graph). */
function minimapColor(node: { type?: string }) {
  return nodeCatalogue.get(node.type ?? "")?.color ?? "#888";
}

export function EditorCanvas() {
  const nodes = useGraphStore((s) => s.nodes);
  const edges = useGraphStore((s) => s.edges);
  const onNodesChange = useGraphStore((s) => s.onNodesChange);
  const onEdgesChange = useGraphStore((s) => s.onEdgesChange);
  const preview = usePreviewGraph();
  const decorated: Edge[] = useDecoratedEdges(preview?.nodes ?? nodes, preview?.edges ?? edges);
  const diff = preview?.diff;
  const drawnEdges = useMemo(() => (diff ? paintDiffEdges(decorated, diff) : decorated), [diff, decorated]);
  // Big graphs: unmeasured nodes get a guessed size so only those in view are drawn (estimated-size.ts).
  const shownNodes = preview?.nodes ?? nodes;
  const flowStore = useStoreApi();
  const drawnNodes = useMemo(() => withEstimatedSizes(shownNodes, (id) => flowStore.getState().nodeLookup.get(id)?.measured), [shownNodes, flowStore]);
  const { screenToFlowPosition } = useReactFlow();
  // Fit only a graph that exists at open; otherwise the first added node would yank the view.
  const [fitOnOpen] = useState(() => useGraphStore.getState().nodes.length > 0);
  // Not React Flow's `fitView` prop: with guessed node sizes it would fit before the pane exists.
  useFitOnOpen(fitOnOpen, FIT_ON_OPEN);
  const viewsLoaded = useNodeViewsLoaded(nodeCatalogue);

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
    <div className="relative h-full w-full" data-testid="canvas" data-previewing={preview ? "true" : undefined}>
      {viewsLoaded && (
        <ReactFlow
          nodes={drawnNodes}
          edges={drawnEdges}
          // Draw only the nodes and edges in view: what makes 500-node workflows open and edit quickly.
          onlyRenderVisibleElements
          nodeTypes={NODE_TYPES}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          isValidConnection={isValidConnection}
          onDragOver={(e) => {
            if (e.dataTransfer.types.includes(DRAG_MIME)) {
              e.preventDefault();
              e.dataTransfer.dropEffect = "copy";
            }
          }}
          onDrop={onDrop}
          colorMode="dark"
          deleteKeyCode={["Delete", "Backspace"]}
          // A previewed version is read-only: this replaces every editing handler above.
          {...(preview ? READ_ONLY_FLOW : {})}
          multiSelectionKeyCode={["Meta", "Control", "Shift"]}
          minZoom={0.1}
          maxZoom={2}
          proOptions={{ hideAttribution: true }}
          defaultEdgeOptions={{ interactionWidth: 16 }}
          className="!bg-canvas"
        >
          <Background variant={BackgroundVariant.Dots} gap={22} size={1.4} color="#34343f" />
          <MiniMap pannable zoomable nodeColor={minimapColor} maskColor="rgba(11,11,15,0.75)" className="!bg-panel" ariaLabel="Minimap" />
          <Controls className="!border-line" aria-label="Zoom controls" />
        </ReactFlow>
      )}
      <CanvasToasts />
    </div>
  );
}
