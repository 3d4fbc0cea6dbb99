/** Imports an exported workflow file as a new workflow (the API validates it). */
import { graphFromJson } from "@/components/editor/transfer";
import { ApiError } from "@/lib/client/api";
import type { Workflow } from "@/lib/client/types";
import { createWorkflow, importWorkflow } from "@/lib/client/workflows-api";

export async function importFile(file: File): Promise<Workflow> {
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch {
    throw new ApiError("that file is not JSON", 400, "INVALID_JSON");
  }
  try {
    return await importWorkflow(json);
  } catch (error) {
    // A bare graph (`{nodes, edges}`) that the import route does not take: create it directly.
    if (!(error instanceof ApiError) || error.status === 401) throw error;
    const graph = graphFromJson(json) as { nodes?: Workflow["nodes"]; edges?: Workflow["edges"] };
    if (!graph.nodes || error.status !== 404) throw error;
    const name = (json as { name?: string }).name ?? file.name.replace(/(\.galaxy)?\.json$/, "");
    return createWorkflow({ name, nodes: graph.nodes, edges: graph.edges ?? [] });
  }
}
