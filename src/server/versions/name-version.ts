import "server-only";
import { and, eq } from "drizzle-orm";
import type { TNameVersion } from "@/contracts/version";
import { getDb } from "../db";
import { workflowVersions } from "../db/schema";
import { findOwnedWorkflowVersion } from "./find-owned-workflow";
import { findVersionOrThrow } from "./find-version";
import { coversVersion } from "./version-columns";
import { toPublicVersionSummary } from "./to-public-version";

/** Names the current version (or `version`): a named version is kept forever. */
export async function nameVersion(userId: string, workflowId: string, input: TNameVersion) {
  const workflow = await findOwnedWorkflowVersion(userId, workflowId);
  const target = input.version ?? workflow.version;
  const db = await getDb();
  await db
    .update(workflowVersions)
    .set({ message: input.message })
    .where(and(eq(workflowVersions.workflowId, workflow.id), coversVersion(target)));
  return toPublicVersionSummary(await findVersionOrThrow(workflow.id, target), workflow.version);
}
