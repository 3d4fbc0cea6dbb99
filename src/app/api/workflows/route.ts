import { apiRoute, created } from "@/server/http/api-route";
import { createWorkflow } from "@/server/workflows/create-workflow";
import { listWorkflows } from "@/server/workflows/list-workflows";
import { ZCreateWorkflow, ZListWorkflowsQuery } from "@/server/workflows/workflow-schemas";

export const runtime = "nodejs";

// GET /api/workflows — own workflows: limit 1–100 (default 20), cursor or skip, q search, tag filter.
export const GET = apiRoute({ query: ZListWorkflowsQuery }, ({ user, query }) => listWorkflows(user.id, query));

// POST /api/workflows — create a workflow (graph checked structurally).
export const POST = apiRoute({ body: ZCreateWorkflow }, async ({ user, body }) =>
  created({ workflow: await createWorkflow(user.id, body) }),
);
