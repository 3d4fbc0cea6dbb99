import { apiRoute, created } from "@/server/http/api-route";
import { duplicateWorkflow } from "@/server/workflows/duplicate-workflow";
import { ZWorkflowParams } from "@/server/workflows/workflow-schemas";

export const runtime = "nodejs";

// POST /api/workflows/{id}/duplicate — copy an own workflow as "<name> (copy)".
export const POST = apiRoute({ params: ZWorkflowParams }, async ({ user, params }) =>
  created({ workflow: await duplicateWorkflow(user.id, params.id) }),
);
