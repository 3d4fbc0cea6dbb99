/**
 * The one wrapper every API route goes through: authenticates, enforces content
 * type and body size, parses params/query/body with zod, and maps every error to
 * `{success:false, error, code, issues?}` with the status of `ERROR_STATUS`.
 *
 * @example
 * // POST /api/workflows — create a workflow
 * export const POST = apiRoute({ body: ZCreateWorkflow }, ({ user, body }) => createWorkflow(user.id, body));
 */
import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { authenticateRequest, type AuthUser } from "../auth/authenticate-request";
import { env } from "../env";
import { assertSameOrigin, isMutation } from "./check-origin";
import { AppError, type ErrorIssue } from "./errors";
import { readJsonBody } from "./read-json-body";
import { zodIssues } from "./zod-issues";

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export interface ApiRouteOptions<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType> {
  body?: B;
  query?: Q;
  params?: P;
  /** "public" routes skip authentication (health, sign-in, sign-up). */
  auth?: "required" | "public";
  /** Max JSON body size; defaults to GALAXY_MAX_BODY_BYTES. */
  maxBodyBytes?: number;
}

export interface ApiContext<B, Q, P, U> {
  req: NextRequest;
  user: U;
  body: B;
  query: Q;
  params: P;
}

type Parsed<T> = T extends z.ZodType ? z.output<T> : undefined;

/** A handler returns a Response (sent as is) or an object sent as `{success:true, ...object}`. */
export function apiRoute<
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
  A extends "required" | "public" = "required",
>(
  options: { body?: B; query?: Q; params?: P; auth?: A; maxBodyBytes?: number },
  handler: (
    ctx: ApiContext<Parsed<B>, Parsed<Q>, Parsed<P>, A extends "public" ? AuthUser | null : AuthUser>,
  ) => Promise<Response | Record<string, unknown>> | Response | Record<string, unknown>,
) {
  return async (req: NextRequest, context: RouteContext): Promise<Response> => {
    try {
      const isPublic = options.auth === "public";
      const user = await authenticate(req, isPublic);
      if (!user && !isPublic) {
        throw new AppError("UNAUTHORIZED", "sign in, or send Authorization: Bearer <token>");
      }
      // Cookie-authenticated mutations, and the public ones that set cookies (sign-in, sign-up), must come from our own pages.
      if (isMutation(req.method) && (isPublic || user?.cookie)) assertSameOrigin(req);
      const params = options.params ? parseOrThrow(options.params, await context.params, "params") : undefined;
      const query = options.query
        ? parseOrThrow(options.query, Object.fromEntries(req.nextUrl.searchParams), "query")
        : undefined;
      const body = options.body
        ? parseOrThrow(
            options.body,
            await readJsonBody(req, options.maxBodyBytes ?? env().GALAXY_MAX_BODY_BYTES),
            "body",
          )
        : undefined;
      const result = await handler({ req, user: user as never, body: body as never, query: query as never, params: params as never });
      return result instanceof Response
        ? result
        : NextResponse.json({ success: true, ...result }, { headers: { "cache-control": "no-store" } });
    } catch (error) {
      return errorResponse(error, req);
    }
  };
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
  const issues = zodIssues(parsed.error);
  throw new AppError("VALIDATION_FAILED", `invalid ${where}: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, {
    issues,
  });
}

export function errorResponse(error: unknown, req?: Request): Response {
  if (error instanceof AppError) {
    const body: { success: false; error: string; code: string; issues?: ErrorIssue[] } & Record<string, unknown> = {
      success: false,
      error: error.message,
      code: error.code,
      ...error.options.extra,
    };
    if (error.options.issues) body.issues = error.options.issues;
    return NextResponse.json(body, { status: error.status, headers: error.options.headers });
  }
  console.error(`[api] ${req?.method ?? ""} ${req ? new URL(req.url).pathname : ""} failed:`, error);
  return NextResponse.json(
    { success: false, error: "internal error; see the server log", code: "INTERNAL" },
    { status: 500 },
  );
}

/** `201 {success:true, ...body}` for handlers that create something. */
export function created(body: Record<string, unknown>): Response {
  return NextResponse.json({ success: true, ...body }, { status: 201, headers: { "cache-control": "no-store" } });
}
