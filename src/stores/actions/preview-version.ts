/**
 * Previewing a saved version on the canvas, read-only, coloured against the editor's graph.
 * Called from the Versions panel and from a run's version chip in the history. Opening
 * another version replaces the preview; an answer for one no longer asked for is dropped.
 */
import type { Edge, Node } from "@xyflow/react";
import { errorText } from "@/lib/client/api";
import { fromWireGraph } from "@/lib/client/graph-wire";
import { getQueryClient } from "@/lib/client/queries/query-client";
import { versionQuery } from "@/lib/client/queries/versions";
import type { VersionDetail } from "@/lib/client/versions-api";
import { diffGraphs } from "@/lib/graph-diff";
import { useEditorStore } from "../editor-store";
import { useGraphStore } from "../graph-store";
import { toast } from "../toast-store";
import { IDLE_PREVIEW, useVersionPreviewStore, type PreviewGraph } from "../version-preview-store";

let asked = 0;

/** Shows `version` of the open workflow on the canvas. Never rejects: a failure ends the preview with a toast. */
export async function previewVersion(version: number): Promise<void> {
  const workflowId = useEditorStore.getState().workflowId;
  if (!workflowId) return;
  const ask = ++asked;
  // The version shown so far stays on the canvas until this one is in: no flash of the editable graph.
  useVersionPreviewStore.getState().set({ version, status: "loading" });
  try {
    const detail = await getQueryClient().fetchQuery(versionQuery(workflowId, version));
    if (ask !== asked) return;
    const { nodes, edges } = useGraphStore.getState();
    useVersionPreviewStore.getState().set({
      status: "ready",
      summary: { version, createdAt: detail.createdAt, message: detail.message },
      graph: previewGraph(detail, nodes, edges),
    });
  } catch (error) {
    if (ask !== asked) return;
    // Back to editing at once: a banner kept for a version that cannot be shown would only hold edits back.
    useVersionPreviewStore.getState().set(IDLE_PREVIEW);
    toast(`Could not open version ${version}: ${errorText(error)}`, "error");
  }
}

/** Back to the editor's own graph (it was never changed). */
export function closeVersionPreview(): void {
  asked++;
  useVersionPreviewStore.getState().set(IDLE_PREVIEW);
}

/** The version's graph, plus the editor's nodes and edges it lacks (drawn as ghosts), and the diff. */
function previewGraph(detail: VersionDetail, currentNodes: Node[], currentEdges: Edge[]): PreviewGraph {
  const shown = fromWireGraph(detail);
  const diff = diffGraphs({ nodes: currentNodes, edges: currentEdges }, shown);
  // Fresh objects without selection: the editor's own nodes must not be shared (React Flow measures what it is given).
  const ghostNodes = currentNodes
    .filter((n) => diff.nodes.get(n.id) === "removed")
    .map((n): Node => ({ id: n.id, type: n.type, position: n.position, width: n.width, height: n.height, data: n.data }));
  const ghostEdges = currentEdges
    .filter((e) => diff.edges.get(e.id) === "removed")
    .map((e): Edge => ({ id: e.id, source: e.source, sourceHandle: e.sourceHandle, target: e.target, targetHandle: e.targetHandle }));
  return { nodes: [...ghostNodes, ...shown.nodes], edges: [...ghostEdges, ...shown.edges], diff };
}
