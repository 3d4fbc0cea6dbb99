import { API_ROUTES } from "@/contracts/api-routes";
import { revokeApiToken } from "@/server/auth/revoke-api-token";
import { apiRoute } from "@/server/http/api-route";

export const runtime = "nodejs";

// DELETE /api/tokens/{id} — revoke one of the caller's tokens.
export const DELETE = apiRoute(API_ROUTES.revokeToken, async ({ user, params }) => {
  await revokeApiToken(user.id, params.id);
  return {};
});
