import type { API_ROUTES } from "@/contracts/api-routes";
import type { RoutePayload } from "@/contracts/route-spec";
import { getHealth } from "@/server/health/get-health";
import { errorResponse, reply } from "@/server/http/api-route";
import { AppError } from "@/server/http/errors";
import { logger, withRequestScope } from "@/server/log";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/health — public: liveness with a database check. Not through apiRoute: it must answer
// 503 (not a 500 from reading a session cookie) when the database is down.
export function GET(req: Request) {
  return withRequestScope(req, async () => {
    try {
      const { database, migrations } = await getHealth();
      return reply<RoutePayload<typeof API_ROUTES.health>>({ database, migrations });
    } catch (error) {
      logger("health").error({ err: error }, "database unavailable");
      return errorResponse(new AppError("UNAVAILABLE", "database unavailable"));
    }
  });
}
