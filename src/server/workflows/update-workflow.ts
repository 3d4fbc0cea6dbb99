/**
 * PUT (replace) and PATCH (update) of a workflow, compare-and-set on `version`:
 * `UPDATE … WHERE id AND user_id AND version = $v`, and every successful update
 * increments the version. A client that names the version it read gets 409 when the
 * workflow changed since; without `version`, the update applies to whatever is current.
 */
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/server/db";
import { workflows, type Workflow } from "@/server/db/schema";
import { AppError, notFound } from "@/server/http/errors";
import { assertValidGraph } from "./assert-valid-graph";
import { toPublicWorkflow } from "./to-public-workflow";
import type { TPatchWorkflow, TReplaceWorkflow } from "@/contracts/workflow";

type Changes = Partial<Pick<Workflow, "name" | "description" | "nodes" | "edges" | "tags" | "isPublic" | "settings">>;

export async function replaceWorkflow(userId: string, workflowId: string, input: TReplaceWorkflow): Promise<Workflow> {
  const { version, ...doc } = input;
  return applyUpdate(userId, workflowId, version, {
    name: doc.name,
    description: doc.description ?? null,
    nodes: doc.nodes,
    edges: doc.edges,
    tags: doc.tags ?? [],
    isPublic: doc.isPublic ?? false,
    settings: doc.settings ?? {},
  });
}

export async function patchWorkflow(userId: string, workflowId: string, input: TPatchWorkflow): Promise<Workflow> {
  const { version, ...changes } = input;
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Changes;
  return applyUpdate(userId, workflowId, version, defined);
}

/** Without a client version, a concurrent writer can move the version between our read and write: retry a few times. */
const MAX_ATTEMPTS = 3;

async function applyUpdate(
  userId: string,
  workflowId: string,
  expectedVersion: number | undefined,
  changes: Changes,
): Promise<Workflow> {
  const db = await getDb();
  for (let attempt = 1; ; attempt++) {
    const current = await readCurrent(userId, workflowId);
    if (expectedVersion !== undefined && current.version !== expectedVersion) throw versionConflict(expectedVersion, current);
    const set: Changes = { ...changes };
    if (changes.nodes !== undefined || changes.edges !== undefined) {
      // A PATCH of nodes alone is checked against the stored edges (and vice versa).
      const graph = assertValidGraph({ nodes: changes.nodes ?? current.nodes, edges: changes.edges ?? current.edges });
      set.nodes = graph.nodes;
      set.edges = graph.edges;
    }
    const [row] = await db
      .update(workflows)
      .set({ ...set, version: sql`${workflows.version} + 1`, updatedAt: new Date() })
      .where(and(eq(workflows.id, workflowId), eq(workflows.userId, userId), eq(workflows.version, current.version)))
      .returning();
    if (row) return row;
    if (expectedVersion !== undefined || attempt >= MAX_ATTEMPTS) {
      throw versionConflict(expectedVersion ?? current.version, await readCurrent(userId, workflowId));
    }
  }
}

async function readCurrent(userId: string, workflowId: string): Promise<Workflow> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(workflows)
    .where(and(eq(workflows.id, workflowId), eq(workflows.userId, userId)))
    .limit(1);
  if (!row) throw notFound("workflow");
  return row;
}

function versionConflict(expected: number, current: Workflow): AppError {
  return new AppError(
    "VERSION_CONFLICT",
    `the workflow changed since version ${expected} (it is now at version ${current.version}); reload it and apply your change again`,
    { extra: { currentVersion: current.version, workflow: toPublicWorkflow(current) } },
  );
}
