import "server-only";
import { findOwnedWorkflowVersion } from "./find-owned-workflow";
import { findVersionOrThrow } from "./find-version";
import { readVersionGraph } from "./read-version-graph";
import { toPublicVersion } from "./to-public-version";

/** One version of the caller's workflow with its graph. */
export async function getVersion(userId: string, workflowId: string, version: number) {
  const workflow = await findOwnedWorkflowVersion(userId, workflowId);
  const found = await findVersionOrThrow(workflow.id, version);
  return toPublicVersion(found, workflow.version, await readVersionGraph(found.row));
}
