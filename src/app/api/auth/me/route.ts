import { apiRoute } from "@/server/http/api-route";

export const runtime = "nodejs";

// GET /api/auth/me — the signed-in user.
export const GET = apiRoute({}, ({ user }) => ({
  user: { id: user.id, email: user.email, name: user.name },
  via: user.via,
}));
