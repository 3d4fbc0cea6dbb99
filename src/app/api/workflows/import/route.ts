import { apiRoute, created } from "@/server/http/api-route";
import { createWorkflow } from "@/server/workflows/create-workflow";
import { ZImportWorkflow } from "@/server/workflows/workflow-schemas";

export const runtime = "nodejs";

// POST /api/workflows/import — create a workflow from an exported document (or a bare {name, nodes, edges}).
export const POST = apiRoute({ body: ZImportWorkflow }, async ({ user, body }) =>
  created({ workflow: await createWorkflow(user.id, body) }),
);
