import { API_ROUTES } from "@/contracts/api-routes";
import { apiRoute } from "@/server/http/api-route";
import { getVersion } from "@/server/versions/get-version";

export const runtime = "nodejs";

// GET /api/workflows/{id}/versions/{version} — one version with its graph.
export const GET = apiRoute(API_ROUTES.getVersion, async ({ user, params }) => ({
  version: await getVersion(user.id, params.id, params.version),
}));
