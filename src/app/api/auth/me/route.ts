import { API_ROUTES } from "@/contracts/api-routes";
import { toPublicUser } from "@/server/auth/to-public-user";
import { apiRoute } from "@/server/http/api-route";

export const runtime = "nodejs";

// GET /api/auth/me — the signed-in user.
export const GET = apiRoute(API_ROUTES.me, ({ user }) => ({ user: toPublicUser(user), via: user.via }));
