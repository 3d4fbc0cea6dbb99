import "server-only";
import { getDb } from "@/server/db";
import { workflows, type Workflow } from "@/server/db/schema";
import { assertValidGraph } from "./assert-valid-graph";
import { getWorkflowOrThrow } from "./get-workflow-or-throw";

/** Copies the caller's workflow (graph, description, tags, settings) as "<name> (copy)", at version 1 and private. */
export async function duplicateWorkflow(userId: string, workflowId: string): Promise<Workflow> {
  const source = await getWorkflowOrThrow(userId, workflowId);
  // Re-checked: definitions or limits may have changed since the source was saved.
  const graph = assertValidGraph({ nodes: source.nodes, edges: source.edges });
  const db = await getDb();
  const [row] = await db
    .insert(workflows)
    .values({
      userId,
      name: `${source.name.slice(0, 193)} (copy)`,
      description: source.description,
      nodes: graph.nodes,
      edges: graph.edges,
      tags: source.tags,
      settings: source.settings,
    })
    .returning();
  return row;
}
