/**
 * Export and import of a workflow's JSON from the editor. Export goes through the API
 * (the saved workflow, so save first; the canvas itself when it cannot be saved); import
 * checks the file with the shared graph validator (`lib/import-check.ts`, which says what is
 * wrong in plain words) and replaces the canvas as one undoable step.
 */
import { api } from "@/lib/client/api";
import { checkImport } from "@/lib/import-check";
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

export async function importIntoCanvas(file: File): Promise<void> {
  const checked = checkImport(await file.text());
  if (!checked.ok) return toast(checked.message, "error", 10_000);
  const { nodes, edges } = fromWireGraph(checked.graph as never);
  useGraphStore.getState().replace(nodes, edges);
  toast(`Imported ${nodes.length} nodes — Ctrl+Z to undo`, "success");
}

/** Asks for a workflow file (the system's file picker) and imports it: the palette's "Import". */
export function chooseImportFile(): void {
  const input = document.createElement("input");
  input.type = "file";
  input.accept = ".json,application/json";
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    if (file) void importIntoCanvas(file);
  });
  input.click();
}
