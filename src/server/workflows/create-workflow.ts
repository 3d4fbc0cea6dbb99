import "server-only";
import { getDb } from "@/server/db";
import { workflows, type Workflow } from "@/server/db/schema";
import { assertValidGraph } from "./assert-valid-graph";
import type { TCreateWorkflow } from "@/contracts/workflow";

/** Creates (or imports) a workflow after the structural graph check (a half-finished graph is fine). */
export async function createWorkflow(userId: string, input: TCreateWorkflow): Promise<Workflow> {
  const graph = assertValidGraph({ nodes: input.nodes, edges: input.edges });
  const db = await getDb();
  const [row] = await db
    .insert(workflows)
    .values({
      userId,
      name: input.name,
      description: input.description ?? null,
      nodes: graph.nodes,
      edges: graph.edges,
      tags: input.tags ?? [],
      isPublic: input.isPublic ?? false,
      settings: input.settings ?? {},
    })
    .returning();
  return row;
}
