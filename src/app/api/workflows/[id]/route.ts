import { apiRoute } from "@/server/http/api-route";
import { deleteWorkflow } from "@/server/workflows/delete-workflow";
import { getWorkflowOrThrow } from "@/server/workflows/get-workflow-or-throw";
import { patchWorkflow, replaceWorkflow } from "@/server/workflows/update-workflow";
import { ZPatchWorkflow, ZReplaceWorkflow, ZWorkflowParams } from "@/server/workflows/workflow-schemas";

export const runtime = "nodejs";

// GET /api/workflows/{id} — one own workflow with its 10 latest runs.
export const GET = apiRoute({ params: ZWorkflowParams }, async ({ user, params }) => ({
  workflow: await getWorkflowOrThrow(user.id, params.id),
}));

// PUT /api/workflows/{id} — replace the whole document (`version` → 409 when stale).
export const PUT = apiRoute({ params: ZWorkflowParams, body: ZReplaceWorkflow }, async ({ user, params, body }) => ({
  workflow: await replaceWorkflow(user.id, params.id, body),
}));

// PATCH /api/workflows/{id} — update the given fields (`version` → 409 when stale).
export const PATCH = apiRoute({ params: ZWorkflowParams, body: ZPatchWorkflow }, async ({ user, params, body }) => ({
  workflow: await patchWorkflow(user.id, params.id, body),
}));

// DELETE /api/workflows/{id} — delete (its runs stay, detached).
export const DELETE = apiRoute({ params: ZWorkflowParams }, async ({ user, params }) => {
  await deleteWorkflow(user.id, params.id);
  return {};
});
