import { API_ROUTES } from "@/contracts/api-routes";
import { apiRoute } from "@/server/http/api-route";
import { deleteWorkflow } from "@/server/workflows/delete-workflow";
import { readPublicWorkflow } from "@/server/workflows/read-public-workflow";
import { toPublicWorkflow } from "@/server/workflows/to-public-workflow";
import { patchWorkflow, replaceWorkflow } from "@/server/workflows/update-workflow";

export const runtime = "nodejs";

// GET /api/workflows/{id} — one own workflow with its 10 latest runs and its last 30 days of usage.
export const GET = apiRoute(API_ROUTES.getWorkflow, async ({ user, params }) => ({
  workflow: await readPublicWorkflow(user.id, params.id),
}));

// PUT /api/workflows/{id} — replace the whole document (`version` → 409 when stale).
export const PUT = apiRoute(API_ROUTES.replaceWorkflow, async ({ user, params, body }) => ({
  workflow: toPublicWorkflow(await replaceWorkflow(user.id, params.id, body)),
}));

// PATCH /api/workflows/{id} — update the given fields (`version` → 409 when stale).
export const PATCH = apiRoute(API_ROUTES.patchWorkflow, async ({ user, params, body }) => ({
  workflow: toPublicWorkflow(await patchWorkflow(user.id, params.id, body)),
}));

// DELETE /api/workflows/{id} — delete (its runs stay, detached).
export const DELETE = apiRoute(API_ROUTES.deleteWorkflow, async ({ user, params }) => {
  await deleteWorkflow(user.id, params.id);
  return {};
});
