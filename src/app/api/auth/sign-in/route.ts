import { API_ROUTES } from "@/contracts/api-routes";
import { clientIp } from "@/server/auth/client-ip";
import { signedInResponse } from "@/server/auth/session-response";
import { signInUser } from "@/server/auth/sign-in-user";
import { apiRoute } from "@/server/http/api-route";

export const runtime = "nodejs";

// POST /api/auth/sign-in — public, rate-limited: check e-mail and password, set the session cookie.
export const POST = apiRoute(API_ROUTES.signIn, async ({ req, body }) => {
  const { user, session } = await signInUser(body, { ip: clientIp(req), userAgent: req.headers.get("user-agent") });
  return signedInResponse(user, session);
});
