import { API_ROUTES } from "@/contracts/api-routes";
import { clientIp } from "@/server/auth/client-ip";
import { signedInResponse } from "@/server/auth/session-response";
import { signUpUser } from "@/server/auth/sign-up-user";
import { apiRoute } from "@/server/http/api-route";

export const runtime = "nodejs";

// POST /api/auth/sign-up — public: create a local account, set the session cookie.
export const POST = apiRoute(API_ROUTES.signUp, async ({ req, body }) => {
  const { user, session } = await signUpUser(body, { ip: clientIp(req), userAgent: req.headers.get("user-agent") });
  return signedInResponse(user, session);
});
