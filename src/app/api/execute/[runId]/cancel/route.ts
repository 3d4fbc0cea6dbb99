import { z } from "zod";
import { apiRoute } from "@/server/http/api-route";
import { cancelRun } from "@/server/runs/cancel-run";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const ZParams = z.object({ runId: z.string().min(1).max(100) });

// POST /api/execute/{runId}/cancel — cancel one of your runs (QUEUED or RUNNING → CANCELED)
export const POST = apiRoute({ params: ZParams }, ({ user, params }) => cancelRun(user.id, params.runId));
