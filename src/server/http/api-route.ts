/**
 * The one wrapper every API route goes through: authenticates, enforces content
 * type, body size, time and depth (`read-json-body.ts`), parses params/query/body with zod,
 * and maps every error to `{success:false, error, code, issues?}` with the status of
 * `ERROR_STATUS`; a database that does not answer is a 503 with Retry-After, never a 500.
 *
 * Every request runs in a log scope: its lines carry a request id, echoed in `x-request-id`
 * (see `src/server/log/request-scope.ts`); an unexpected error is logged with its stack.
 *
 * The route's entry in the route table (`src/contracts/api-routes.ts`) gives the schemas, the
 * success status and the answer's type: a handler that returns anything else fails to compile.
 *
 * @example
 * // POST /api/workflows — create a workflow
 * export const POST = apiRoute(API_ROUTES.createWorkflow, async ({ user, body }) => ({
 *   workflow: toPublicWorkflow(await createWorkflow(user.id, body)),
 * }));
 */
import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import type { RoutePayload, RouteReplyPayload, RouteSpec } from "@/contracts/route-spec";
import { authenticateRequest, type AuthUser } from "../auth/authenticate-request";
import { env } from "../env";
import { logger, withRequestScope } from "../log";
import { assertSameOrigin, isMutation } from "./check-origin";
import { AppError, toDatabaseUnavailable, UNAVAILABLE_RETRY_AFTER_S, type ErrorIssue } from "./errors";
import { readJsonBody } from "./read-json-body";
import { zodIssues } from "./zod-issues";

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export interface ApiContext<B, Q, P, U> {
  req: NextRequest;
  user: U;
  body: B;
  query: Q;
  params: P;
}

type Parsed<S, K extends "body" | "query" | "params"> = S extends { [F in K]: infer T extends z.ZodType } ? z.output<T> : undefined;
type UserOf<S> = S extends { auth: "public" } ? AuthUser | null : AuthUser;

/** A JSON answer with its status or headers chosen by the handler (see `reply`). */
export type JsonReply<T> = NextResponse<{ success: true } & T>;

/**
 * What a handler returns: one of the route's answers (sent as `{success:true, ...answer}` with the
 * route's status) or `reply(answer, init)`; a route whose answer is `raw` returns any Response.
 */
export type HandlerResult<S> = S extends { raw: object } ? Response : RoutePayload<S> | JsonReply<RouteReplyPayload<S>>;

export function apiRoute<const S extends RouteSpec>(
  spec: S,
  handler: (ctx: ApiContext<Parsed<S, "body">, Parsed<S, "query">, Parsed<S, "params">, UserOf<S>>) => Promise<HandlerResult<S>> | HandlerResult<S>,
) {
  const answer = async (req: NextRequest, context: RouteContext): Promise<Response> => {
    try {
      const isPublic = spec.auth === "public";
      const user = await authenticate(req, isPublic);
      if (!user && !isPublic) {
        throw new AppError("UNAUTHORIZED", "sign in, or send Authorization: Bearer <token>");
      }
      // Cookie-authenticated mutations, and the public ones that set cookies (sign-in, sign-up), must come from our own pages.
      if (isMutation(req.method) && (isPublic || user?.cookie)) assertSameOrigin(req);
      const params = spec.params ? parseOrThrow(spec.params, refuseNul(await context.params, "params"), "params") : undefined;
      const query = spec.query
        ? parseOrThrow(spec.query, refuseNul(Object.fromEntries(req.nextUrl.searchParams), "query"), "query")
        : undefined;
      const body = spec.body
        ? parseOrThrow(spec.body, await readJsonBody(req, { maxBytes: env().GALAXY_MAX_BODY_BYTES }), "body")
        : undefined;
      const result = await handler({ req, user: user as never, body: body as never, query: query as never, params: params as never });
      return result instanceof Response ? result : reply(result as Record<string, unknown>, { status: spec.status ?? 200 });
    } catch (error) {
      return errorResponse(error, req);
    }
  };
  return (req: NextRequest, context: RouteContext): Promise<Response> => withRequestScope(req, () => answer(req, context));
}

/** On public routes a bad credential is simply "not signed in"; elsewhere it is a 401 with the reason. */
async function authenticate(req: NextRequest, isPublic: boolean): Promise<AuthUser | null> {
  try {
    return await authenticateRequest(req);
  } catch (error) {
    if (isPublic && error instanceof AppError && error.code === "UNAUTHORIZED") return null;
    throw error;
  }
}

function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, where: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw validationFailed(where, zodIssues(parsed.error));
}

function validationFailed(where: string, issues: ErrorIssue[]): AppError {
  return new AppError("VALIDATION_FAILED", `invalid ${where}: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, {
    issues,
  });
}

/**
 * PostgreSQL cannot store a NUL in text, so one in a path or query string would be a 500 at
 * the first query; every such parameter is refused here (bodies: in `readJsonBody`).
 */
function refuseNul<T extends Record<string, string | string[]>>(values: T, where: string): T {
  const issues = Object.entries(values)
    .filter(([, value]) => [value].flat().some((v) => v.includes("\u0000")))
    .map(([name]) => ({ path: name, message: "must not contain a NUL character", code: "invalid_string" }));
  if (issues.length > 0) throw validationFailed(where, issues);
  return values;
}

export function errorResponse(error: unknown, req?: Request): Response {
  const where = { method: req?.method, path: req && new URL(req.url).pathname };
  const unavailable = error instanceof AppError ? undefined : toDatabaseUnavailable(error);
  if (unavailable) logger("api").warn({ err: error, ...where }, "database unavailable");
  const known = error instanceof AppError ? error : unavailable;
  if (known) {
    const body: { success: false; error: string; code: string; issues?: ErrorIssue[] } & Record<string, unknown> = {
      success: false,
      error: known.message,
      code: known.code,
      ...known.options.extra,
    };
    if (known.options.issues) body.issues = known.options.issues;
    const headers = new Headers(known.options.headers);
    if (known.status === 503 && !headers.has("retry-after")) headers.set("retry-after", String(UNAVAILABLE_RETRY_AFTER_S));
    return NextResponse.json(body, { status: known.status, headers });
  }
  logger("api").error({ err: error, ...where }, "request failed");
  return NextResponse.json(
    { success: false, error: "internal error; see the server log", code: "INTERNAL" },
    { status: 500 },
  );
}

/** `{success:true, ...body}` with a chosen status or headers; never cached. */
export function reply<T extends Record<string, unknown>>(body: T, init: ResponseInit = {}): JsonReply<T> {
  const headers = new Headers(init.headers);
  if (!headers.has("cache-control")) headers.set("cache-control", "no-store");
  return NextResponse.json({ success: true as const, ...body }, { ...init, headers });
}
