import { API_ROUTES } from "@/contracts/api-routes";
import { deleteSession } from "@/server/auth/delete-session";
import { SESSION_COOKIE } from "@/server/auth/session-cookie";
import { signedOutResponse } from "@/server/auth/session-response";
import { apiRoute } from "@/server/http/api-route";

export const runtime = "nodejs";

// POST /api/auth/sign-out — public (a no-op when signed out): end the session, clear the cookie.
export const POST = apiRoute(API_ROUTES.signOut, async ({ req }) => {
  const secret = req.cookies.get(SESSION_COOKIE)?.value;
  if (secret) await deleteSession(secret);
  return signedOutResponse();
});
