import { API_ROUTES } from "@/contracts/api-routes";
import { apiRoute } from "@/server/http/api-route";
import { cancelRun } from "@/server/runs/cancel-run";
import { toPublicRunRow } from "@/server/runs/to-public-run";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// POST /api/execute/{runId}/cancel — cancel one of your runs (QUEUED or RUNNING → CANCELED)
export const POST = apiRoute(API_ROUTES.cancelRun, async ({ user, params }) => ({
  run: toPublicRunRow((await cancelRun(user.id, params.runId)).run),
}));
