import "server-only";
import { getWorkflowOrThrow } from "./get-workflow-or-throw";

export const WORKFLOW_EXPORT_FORMAT = "galaxy-workflow";

/** The portable document of a workflow: what `POST /api/workflows/import` accepts back. */
export async function exportWorkflow(userId: string, workflowId: string) {
  const workflow = await getWorkflowOrThrow(userId, workflowId);
  return {
    format: WORKFLOW_EXPORT_FORMAT,
    formatVersion: 1,
    exportedAt: new Date().toISOString(),
    workflow: {
      name: workflow.name,
      description: workflow.description,
      tags: workflow.tags,
      nodes: workflow.nodes,
      edges: workflow.edges,
    },
  };
}

/** A safe download name: `product-kit.galaxy.json`. */
export function exportFileName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${slug || "workflow"}.galaxy.json`;
}
