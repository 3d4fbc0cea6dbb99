import { z } from "zod";
import { createApiToken } from "@/server/auth/create-api-token";
import { listApiTokens } from "@/server/auth/list-api-tokens";
import { apiRoute, created } from "@/server/http/api-route";

export const runtime = "nodejs";

const ZCreateToken = z.object({
  name: z.string({ error: "name is required" }).trim().min(1, "name is required").max(100, "name must be at most 100 characters"),
});

// GET /api/tokens — the caller's API tokens (prefix, name, created, last used; never the secret).
export const GET = apiRoute({}, async ({ user }) => ({ tokens: await listApiTokens(user.id) }));

// POST /api/tokens — create a token; the secret is in this answer only.
export const POST = apiRoute({ body: ZCreateToken }, async ({ user, body }) => {
  const token = await createApiToken(user.id, body.name);
  return created({ ...token });
});
