import { API_ROUTES } from "@/contracts/api-routes";
import { createAssetFromUpload, toPublicAsset } from "@/server/assets";
import { apiRoute } from "@/server/http/api-route";

// Streams the body itself: no JSON parsing, no buffering of the file.
export const runtime = "nodejs";

// POST /api/uploads — multipart field `file` (image ≤ 20 MiB, video ≤ 500 MiB; type checked by content)
export const POST = apiRoute(API_ROUTES.upload, async ({ req, user }) => ({ asset: toPublicAsset(await createAssetFromUpload(user.id, req)) }));
