import { API_ROUTES } from "@/contracts/api-routes";
import { getOwnedAssetOrThrow, serveAssetFile } from "@/server/assets";
import { apiRoute } from "@/server/http/api-route";

export const runtime = "nodejs";

// GET /api/files/{id} — the owner's file, with Range, ETag and immutable private caching
export const GET = apiRoute(API_ROUTES.getFile, async ({ req, user, params }) =>
  serveAssetFile(await getOwnedAssetOrThrow(user.id, params.id), req),
);
