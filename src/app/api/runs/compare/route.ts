import { API_ROUTES } from "@/contracts/api-routes";
import { apiRoute } from "@/server/http/api-route";
import { compareRuns } from "@/server/runs/compare-runs";

export const runtime = "nodejs";

// GET /api/runs/compare?a={runId}&b={runId} — two own runs side by side, node by node.
export const GET = apiRoute(API_ROUTES.compareRuns, async ({ user, query }) => compareRuns(user.id, query.a, query.b));
