import { NextResponse } from "next/server";
import { apiRoute } from "@/server/http/api-route";
import { exportFileName, exportWorkflow } from "@/server/workflows/export-workflow";
import { ZWorkflowParams } from "@/server/workflows/workflow-schemas";

export const runtime = "nodejs";

// GET /api/workflows/{id}/export — the portable JSON document, as a download.
export const GET = apiRoute({ params: ZWorkflowParams }, async ({ user, params }) => {
  const doc = await exportWorkflow(user.id, params.id);
  return NextResponse.json(
    { success: true, ...doc },
    {
      headers: {
        "content-disposition": `attachment; filename="${exportFileName(doc.workflow.name)}"`,
        "cache-control": "no-store",
      },
    },
  );
});
