import { API_ROUTES } from "@/contracts/api-routes";
import { env } from "@/server/env";
import { apiRoute } from "@/server/http/api-route";
import { buildOpenApiDocument } from "@/server/http/openapi-document";

export const runtime = "nodejs";

// GET /api/openapi.json — public: the machine-readable API description.
export const GET = apiRoute(API_ROUTES.openapi, () =>
  Response.json(buildOpenApiDocument(env().GALAXY_PUBLIC_URL), { headers: { "cache-control": "public, max-age=300" } }),
);
