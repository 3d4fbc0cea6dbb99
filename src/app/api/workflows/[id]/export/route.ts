import { API_ROUTES } from "@/contracts/api-routes";
import { apiRoute, reply } from "@/server/http/api-route";
import { exportFileName, exportWorkflow } from "@/server/workflows/export-workflow";

export const runtime = "nodejs";

// GET /api/workflows/{id}/export — the portable JSON document, as a download.
export const GET = apiRoute(API_ROUTES.exportWorkflow, async ({ user, params }) => {
  const doc = await exportWorkflow(user.id, params.id);
  return reply(doc, { headers: { "content-disposition": `attachment; filename="${exportFileName(doc.workflow.name)}"` } });
});
