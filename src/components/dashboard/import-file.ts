/**
 * Imports an exported workflow file as a new workflow. The file is checked here first, so a
 * wrong file is refused in plain words (`lib/import-check.ts`); the API validates it again.
 */
import { ApiError } from "@/lib/client/api";
import { checkImport, graphFromJson } from "@/lib/import-check";
import type { Workflow } from "@/lib/client/types";
import { createWorkflow, importWorkflow } from "@/lib/client/workflows-api";

export async function importFile(file: File): Promise<Workflow> {
  const checked = checkImport(await file.text());
  if (!checked.ok) throw new ApiError(checked.message, 400, checked.code);
  const { json } = checked;
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
