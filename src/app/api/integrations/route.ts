import { API_ROUTES } from "@/contracts/api-routes";
import { apiRoute } from "@/server/http/api-route";
import { getIntegrations } from "@/server/integrations/get-integrations";

export const runtime = "nodejs";

// GET /api/integrations — which database, auth, queue, storage and model providers are configured (no secrets).
export const GET = apiRoute(API_ROUTES.integrations, () => getIntegrations());
