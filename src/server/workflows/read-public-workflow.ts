import "server-only";
import { getWorkflowOrThrow } from "./get-workflow-or-throw";
import { sumWorkflowUsage } from "./sum-workflow-usage";
import { toPublicWorkflow } from "./to-public-workflow";

/** One own workflow as `GET /api/workflows/{id}` answers it: its 10 latest runs, its last 30 days of usage. */
export async function readPublicWorkflow(userId: string, workflowId: string) {
  const [workflow, usage30d] = await Promise.all([getWorkflowOrThrow(userId, workflowId), sumWorkflowUsage(userId, workflowId)]);
  return toPublicWorkflow({ ...workflow, usage30d });
}

/**
 * The same, as the JSON the API would send, for the editor page to stream along with its HTML
 * (`app/workflows/[id]/page.tsx`): the editor then opens without fetching it after its scripts
 * load. Null when it cannot be read (not found, another user's): the editor's own fetch then
 * reports why, as before.
 */
export async function servedWorkflowJson(userId: string, workflowId: string): Promise<string | null> {
  try {
    return JSON.stringify(await readPublicWorkflow(userId, workflowId));
  } catch {
    return null;
  }
}
