import { API_ROUTES } from "@/contracts/api-routes";
import { apiRoute } from "@/server/http/api-route";
import { restoreVersion } from "@/server/versions/restore-version";
import { toPublicWorkflow } from "@/server/workflows/to-public-workflow";

export const runtime = "nodejs";

// POST /api/workflows/{id}/versions/{version}/restore — save that version's graph as a new version.
export const POST = apiRoute(API_ROUTES.restoreVersion, async ({ user, params }) => ({
  workflow: toPublicWorkflow(await restoreVersion(user.id, params.id, params.version)),
}));
