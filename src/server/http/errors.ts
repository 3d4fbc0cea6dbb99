/**
 * One error type for everything a route can answer with, and one place that maps
 * its code to an HTTP status (a missing code fails to compile). A database that does not
 * answer is recognised here too (`toDatabaseUnavailable`), so it is a 503, never a 500.
 */
import type { ErrorCode } from "@/contracts/errors";
import { isDatabaseUnavailable } from "../db/outage";

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
