import { z } from "zod";
import { apiRoute } from "@/server/http/api-route";
import { openRunEventStream } from "@/server/runs/stream-run-events";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const ZParams = z.object({ runId: z.string().min(1).max(100) });

// GET /api/execute/{runId}/events — live progress as Server-Sent Events (format: stream-run-events.ts)
export const GET = apiRoute({ params: ZParams }, ({ user, params, req }) => openRunEventStream(user.id, params.runId, req.signal));
