import { z } from "zod";
import { apiRoute } from "@/server/http/api-route";
import { getRunOrThrow } from "@/server/runs/get-run";

export const runtime = "nodejs";

// GET /api/execute/{runId} — one own run with its node results and logs in time order.
export const GET = apiRoute({ params: z.object({ runId: z.string().min(1).max(100) }) }, async ({ user, params }) => ({
  run: await getRunOrThrow(user.id, params.runId),
}));
