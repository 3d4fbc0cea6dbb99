import { API_ROUTES } from "@/contracts/api-routes";
import { apiRoute } from "@/server/http/api-route";
import { getRunOrThrow } from "@/server/runs/get-run";
import { toPublicRun } from "@/server/runs/to-public-run";

export const runtime = "nodejs";

// GET /api/execute/{runId} — one own run with its node results and logs in time order.
export const GET = apiRoute(API_ROUTES.getRun, async ({ user, params }) => ({
  run: toPublicRun(await getRunOrThrow(user.id, params.runId)),
}));
