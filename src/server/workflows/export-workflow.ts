import "server-only";
import type { z } from "zod";
import { WORKFLOW_EXPORT_FORMAT, type ZWorkflowExport } from "@/contracts/workflow";
import { getWorkflowOrThrow } from "./get-workflow-or-throw";
import { toPublicWorkflow } from "./to-public-workflow";

/** The portable document of a workflow: what `POST /api/workflows/import` accepts back. */
export async function exportWorkflow(userId: string, workflowId: string): Promise<z.input<typeof ZWorkflowExport>> {
  const { name, description, tags, nodes, edges, settings } = toPublicWorkflow(await getWorkflowOrThrow(userId, workflowId));
  return {
    format: WORKFLOW_EXPORT_FORMAT,
    formatVersion: 1,
    exportedAt: new Date().toISOString(),
    workflow: { name, description, tags, nodes, edges, settings },
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
