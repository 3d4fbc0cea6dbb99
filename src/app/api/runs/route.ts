import { API_ROUTES } from "@/contracts/api-routes";
import { apiRoute } from "@/server/http/api-route";
import { listRuns } from "@/server/runs/list-runs";
import { toPublicRunListItem } from "@/server/runs/to-public-run";

export const runtime = "nodejs";

// GET /api/runs — own runs, newest first; filters workflowId and status; limit 1–100 and skip; total and hasMore.
export const GET = apiRoute(API_ROUTES.listRuns, async ({ user, query }) => {
  const page = await listRuns(user.id, query);
  return { ...page, runs: page.runs.map(toPublicRunListItem) };
});
