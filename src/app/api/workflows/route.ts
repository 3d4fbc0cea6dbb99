import { API_ROUTES } from "@/contracts/api-routes";
import { apiRoute } from "@/server/http/api-route";
import { createWorkflow } from "@/server/workflows/create-workflow";
import { listWorkflows } from "@/server/workflows/list-workflows";
import { toPublicWorkflow, toPublicWorkflowSummary } from "@/server/workflows/to-public-workflow";

export const runtime = "nodejs";

// GET /api/workflows — own workflows: limit 1–100 (default 20), cursor or skip, q search, tag filter.
export const GET = apiRoute(API_ROUTES.listWorkflows, async ({ user, query }) => {
  const page = await listWorkflows(user.id, query);
  return { ...page, workflows: page.workflows.map(toPublicWorkflowSummary) };
});

// POST /api/workflows — create a workflow (graph checked structurally).
export const POST = apiRoute(API_ROUTES.createWorkflow, async ({ user, body }) => ({
  workflow: toPublicWorkflow(await createWorkflow(user.id, body)),
}));
