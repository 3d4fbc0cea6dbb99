import { API_ROUTES } from "@/contracts/api-routes";
import { apiRoute } from "@/server/http/api-route";
import { duplicateWorkflow } from "@/server/workflows/duplicate-workflow";
import { toPublicWorkflow } from "@/server/workflows/to-public-workflow";

export const runtime = "nodejs";

// POST /api/workflows/{id}/duplicate — copy an own workflow as "<name> (copy)".
export const POST = apiRoute(API_ROUTES.duplicateWorkflow, async ({ user, params }) => ({
  workflow: toPublicWorkflow(await duplicateWorkflow(user.id, params.id)),
}));
