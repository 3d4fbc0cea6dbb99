import { z } from "zod";
import { revokeApiToken } from "@/server/auth/revoke-api-token";
import { apiRoute } from "@/server/http/api-route";

export const runtime = "nodejs";

// DELETE /api/tokens/{id} — revoke one of the caller's tokens.
export const DELETE = apiRoute({ params: z.object({ id: z.string().min(1) }) }, async ({ user, params }) => {
  await revokeApiToken(user.id, params.id);
  return {};
});
