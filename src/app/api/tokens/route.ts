import { API_ROUTES } from "@/contracts/api-routes";
import { createApiToken } from "@/server/auth/create-api-token";
import { listApiTokens } from "@/server/auth/list-api-tokens";
import { toCreatedApiToken, toPublicApiToken } from "@/server/auth/to-public-api-token";
import { apiRoute } from "@/server/http/api-route";

export const runtime = "nodejs";

// GET /api/tokens — the caller's API tokens (prefix, name, created, last used; never the secret).
export const GET = apiRoute(API_ROUTES.listTokens, async ({ user }) => ({ tokens: (await listApiTokens(user.id)).map(toPublicApiToken) }));

// POST /api/tokens — create a token; the secret is in this answer only.
export const POST = apiRoute(API_ROUTES.createToken, async ({ user, body }) => toCreatedApiToken(await createApiToken(user.id, body.name)));
