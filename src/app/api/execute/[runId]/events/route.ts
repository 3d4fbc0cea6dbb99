import { API_ROUTES } from "@/contracts/api-routes";
import { apiRoute } from "@/server/http/api-route";
import { openRunEventStream } from "@/server/runs/stream-run-events";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/execute/{runId}/events — live progress as Server-Sent Events (format: stream-run-events.ts)
export const GET = apiRoute(API_ROUTES.streamRunEvents, ({ user, params, req }) => openRunEventStream(user.id, params.runId, req.signal));
