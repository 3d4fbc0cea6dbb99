/**
 * One error type for everything a route can answer with, and one place that maps
 * its code to an HTTP status (a missing code fails to compile). A database that does not
 * answer is recognised here too (`toDatabaseUnavailable`), so it is a 503, never a 500.
 */
import { DrizzleQueryError } from "drizzle-orm";
import type { ErrorCode } from "@/contracts/errors";

export type { ErrorCode };

export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  NOT_READY: 400,
  INVALID_JSON: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  REQUEST_TIMEOUT: 408,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const satisfies Record<ErrorCode, number>;

export interface ErrorIssue {
  path: string;
  message: string;
  code?: string;
}

export class AppError extends Error {
  /**
   * Whether a node that fails with it may be tried again. Our own errors are final unless they
   * say so: the engine's retry rule reads this before `status`, which would otherwise look like a
   * provider's 5xx (a 503 when storage is down, a 500).
   */
  readonly retryable: boolean;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: { issues?: ErrorIssue[]; headers?: Record<string, string>; extra?: Record<string, unknown>; retryable?: boolean } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.retryable = options.retryable ?? false;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function notFound(what: string): AppError {
  return new AppError("NOT_FOUND", `${what} not found`);
}

/** Seconds a client is told to wait (`Retry-After`) when a 503 does not say otherwise. */
export const UNAVAILABLE_RETRY_AFTER_S = 5;

/**
 * A 503 for an error that says the database is not answering (connection refused, reset or
 * timed out; the server shutting down or starting; the pool or PGlite closed), else undefined.
 * The driver's message is not shown to the client; the caller logs it.
 */
export function toDatabaseUnavailable(error: unknown): AppError | undefined {
  if (!isDatabaseUnavailable(error)) return undefined;
  return new AppError("UNAVAILABLE", "the database is not answering; try again shortly", {
    headers: { "retry-after": String(UNAVAILABLE_RETRY_AFTER_S) },
  });
}

/** SQLSTATEs of an unusable connection: class 08 (connection exception), 57P01–57P03 (shutdown, crash, starting up), 53300 (too many connections). */
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;
/** Node's socket errors for a server that is down or unreachable. */
const UNAVAILABLE_SYSCALL_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
/** node-postgres and PGlite say these in words only (they set no code). */
const UNAVAILABLE_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable|Cannot use a pool after calling end on the pool|PGlite is closed)/;

/**
 * Looks into the driver's error that Drizzle wraps and into `AggregateError.errors` (one per
 * address tried), but not into any other `cause`: a failed `fetch` to a model provider also
 * carries an ECONNREFUSED, and is no database outage.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const pending = [error];
  for (let seen = 0; pending.length > 0 && seen < 20; seen++) {
    const candidate = pending.pop();
    if (!(candidate instanceof Error)) continue;
    const code = (candidate as { code?: unknown }).code;
    if (typeof code === "string" && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_SYSCALL_CODES.has(code))) return true;
    if (UNAVAILABLE_MESSAGE.test(candidate.message)) return true;
    if (candidate instanceof DrizzleQueryError) pending.push(candidate.cause);
    if (candidate instanceof AggregateError) pending.push(...(candidate.errors as unknown[]));
  }
  return false;
}
