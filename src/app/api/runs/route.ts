import { apiRoute } from "@/server/http/api-route";
import { listRuns, ZListRunsQuery } from "@/server/runs/list-runs";

export const runtime = "nodejs";

// GET /api/runs — own runs, newest first; filters workflowId and status; limit 1–100 and skip; total and hasMore.
export const GET = apiRoute({ query: ZListRunsQuery }, ({ user, query }) => listRuns(user.id, query));
