/**
 * The shape of one entry of the route table (`api-routes.ts`): everything the OpenAPI
 * document, the route-matrix test and `apiRoute(...)` need to know about an operation.
 */
import { z } from "zod";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export type SuccessStatus = 200 | 201 | 202;

export interface RouteSpec {
  method: HttpMethod;
  /** `/api/workflows/{id}` for the handler in `src/app/api/workflows/[id]/route.ts`. */
  path: `/api/${string}`;
  summary: string;
  /** "public": no sign-in needed (a credential, when sent, is still read). */
  auth?: "public";
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** The JSON body, parsed and validated by `apiRoute`. */
  body?: z.ZodType;
  /** A multipart body the handler streams itself: documented only. */
  form?: z.ZodObject;
  /** The JSON answer on success, without `success: true` (added by `apiRoute`). */
  response?: z.ZodObject;
  /** The status of that answer; 200 when absent. */
  status?: SuccessStatus;
  /** A second successful answer, sent with `reply(body, {status})`. */
  also?: { status: SuccessStatus; response: z.ZodObject; when: string };
  /** An answer outside the JSON envelope: a file, an event stream, the OpenAPI document. */
  raw?: { contentType: string; description: string; events?: Record<string, z.ZodType> };
  /** Error statuses this route answers beyond the ones its shape implies (see `errorStatuses`). */
  errors?: readonly number[];
}

/** Identity, keeping the literal types of the entry (schemas, method, path). */
export function defineRoute<const S extends RouteSpec>(spec: S): S {
  return spec;
}

/** `{success: true, …fields}`: the answer as it goes over the wire. */
export function successSchema<S extends z.ZodObject>(response: S) {
  return z.object({ success: z.literal(true), ...response.shape });
}

type ResponseOf<S> = S extends { response: infer R extends z.ZodObject } ? R : never;
type AlsoOf<S> = S extends { also: { response: infer R extends z.ZodObject } } ? R : never;

/** What a handler of route `S` may return (before `success: true` is added): any of its answers. */
export type RoutePayload<S> = z.input<ResponseOf<S>> | z.input<AlsoOf<S>>;

/** zod types `z.object({})` as `Record<string, never>`, which `{success: true, …}` could never extend. */
type Widened<T> = T extends Record<string, never> ? Record<never, never> : T;
/** The same, as the body of a `reply(...)` (which already holds `success: true`). */
export type RouteReplyPayload<S> = Widened<RoutePayload<S>>;

/** What a client receives from route `S`. */
export type RouteAnswer<S> = { success: true } & (z.output<ResponseOf<S>> | z.output<AlsoOf<S>>);

/**
 * Every error status an operation can answer, from its shape plus its own `errors`. Every
 * operation can meet a database that does not answer (503); a JSON body that does not arrive
 * in time is a 408.
 */
export function errorStatuses(spec: RouteSpec): number[] {
  const statuses = new Set<number>([500, 503, ...(spec.errors ?? [])]);
  if (spec.auth !== "public") statuses.add(401);
  if (spec.params || spec.query || spec.body || spec.form) statuses.add(400);
  if (spec.params) statuses.add(404);
  if (spec.body) statuses.add(408);
  if (spec.body || spec.form) [413, 415].forEach((s) => statuses.add(s));
  if (spec.method !== "GET") statuses.add(403);
  return [...statuses].sort((a, b) => a - b);
}
