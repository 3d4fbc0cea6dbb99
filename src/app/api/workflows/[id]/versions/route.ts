import { API_ROUTES } from "@/contracts/api-routes";
import { apiRoute } from "@/server/http/api-route";
import { listVersions } from "@/server/versions/list-versions";
import { nameVersion } from "@/server/versions/name-version";
import { toPublicVersionSummary } from "@/server/versions/to-public-version";

export const runtime = "nodejs";

// GET /api/workflows/{id}/versions — an own workflow's versions, newest first; limit and skip.
export const GET = apiRoute(API_ROUTES.listVersions, async ({ user, params, query }) => {
  const page = await listVersions(user.id, params.id, query);
  return {
    versions: page.rows.map((row) => toPublicVersionSummary(row, page.currentVersion)),
    total: page.total,
    hasMore: page.hasMore,
  };
});

// POST /api/workflows/{id}/versions — name the current version (or `version`).
export const POST = apiRoute(API_ROUTES.nameVersion, async ({ user, params, body }) => ({
  version: await nameVersion(user.id, params.id, body),
}));
