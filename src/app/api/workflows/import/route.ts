import { API_ROUTES } from "@/contracts/api-routes";
import { apiRoute } from "@/server/http/api-route";
import { createWorkflow } from "@/server/workflows/create-workflow";
import { toPublicWorkflow } from "@/server/workflows/to-public-workflow";

export const runtime = "nodejs";

// POST /api/workflows/import — create a workflow from an exported document (or a bare {name, nodes, edges}).
export const POST = apiRoute(API_ROUTES.importWorkflow, async ({ user, body }) => ({
  workflow: toPublicWorkflow(await createWorkflow(user.id, body)),
}));
