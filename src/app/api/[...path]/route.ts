/**
 * Every `/api/...` path no route handles answers the API's JSON 404 (`code: "NOT_FOUND"`),
 * like any other miss, instead of Next's HTML page. Specific routes always win over this one.
 */
import type { NextRequest } from "next/server";
import { errorResponse } from "@/server/http/api-route";
import { notFound } from "@/server/http/errors";
import { withRequestScope } from "@/server/log";

export const runtime = "nodejs";

function noSuchRoute(req: NextRequest): Promise<Response> {
  return withRequestScope(req, async () => errorResponse(notFound(`API route ${req.method} ${req.nextUrl.pathname}`)));
}

export const GET = noSuchRoute;
export const HEAD = noSuchRoute;
export const POST = noSuchRoute;
export const PUT = noSuchRoute;
export const PATCH = noSuchRoute;
export const DELETE = noSuchRoute;
export const OPTIONS = noSuchRoute;
