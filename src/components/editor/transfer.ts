/**
 * Export and import of a workflow's JSON from the editor. Export goes through the API
 * (the saved workflow, so save first; the canvas itself when it cannot be saved); import
 * checks the file with the shared graph validator and replaces the canvas as one undoable step.
 */
import { validateGraph } from "@/engine/validate-graph";
import { nodeCatalogue } from "@/nodes/registry";
import { api, errorText } from "@/lib/client/api";
import { fromWireGraph, toWireGraph } from "@/lib/client/graph-wire";
import { saveNow } from "@/stores/actions/save-workflow";
import { useEditorStore } from "@/stores/editor-store";
import { useGraphStore } from "@/stores/graph-store";
import { toast } from "@/stores/toast-store";

function download(name: string, json: unknown) {
  const blob = new Blob([JSON.stringify(json, null, 2)], { type: "application/json" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = `${name.replace(/[^\w.-]+/g, "-").replace(/^-|-$/g, "") || "workflow"}.galaxy.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** The canvas as it is, saved or not: the way to keep changes the server will not take. */
export function downloadCanvas(): void {
  const { name } = useEditorStore.getState();
  const { nodes, edges } = useGraphStore.getState();
  download(name, { name, ...toWireGraph(nodes, edges) });
}

export async function exportCurrent(): Promise<void> {
  const { workflowId, name } = useEditorStore.getState();
  if (!workflowId) return;
  // Unsaved changes are what the canvas shows: the file has them, not the older saved copy.
  if (!(await saveNow())) return downloadCanvas();
  try {
    const { success: _success, ...doc } = await api(`/api/workflows/${encodeURIComponent(workflowId)}/export`);
    download(name, doc);
  } catch {
    // The export route is the canonical format; the canvas state is a faithful fallback.
    const { nodes, edges } = useGraphStore.getState();
    download(name, { name, ...toWireGraph(nodes, edges) });
  }
}

/** Finds the graph inside an exported file (`{nodes, edges}`, or wrapped in `workflow`). */
export function graphFromJson(json: unknown): unknown {
  if (json && typeof json === "object") {
    const o = json as Record<string, unknown>;
    if (Array.isArray(o.nodes)) return { nodes: o.nodes, edges: o.edges ?? [] };
    if (o.workflow) return graphFromJson(o.workflow);
  }
  return json;
}

export async function importIntoCanvas(file: File): Promise<void> {
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch (error) {
    return toast(`That file is not JSON: ${errorText(error)}`, "error", 6000);
  }
  const checked = validateGraph(graphFromJson(json), nodeCatalogue);
  if (!checked.ok) {
    const first = checked.issues[0];
    return toast(`Cannot import: ${first.path} ${first.message}${checked.issues.length > 1 ? ` (+${checked.issues.length - 1} more)` : ""}`, "error", 8000);
  }
  const { nodes, edges } = fromWireGraph(checked.graph as never);
  useGraphStore.getState().replace(nodes, edges);
  toast(`Imported ${nodes.length} nodes — Ctrl+Z to undo`, "success");
}
