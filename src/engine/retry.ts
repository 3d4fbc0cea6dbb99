/**
 * Which errors are worth another attempt, and how long to wait before it. Transient:
 * rate limits (429), server errors (5xx), dropped connections, and anything that says
 * `retryable: true`. Everything else fails at once.
 */
import { NodeTimeoutError } from "./errors";

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  /** Cap of the exponential backoff. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 10_000 };

/** A provider's `retryAfterMs` is honoured up to this long; beyond, waiting longer rarely helps a run. */
export const MAX_RETRY_AFTER_MS = 60_000;

const TRANSIENT_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "EPIPE",
  "ENETUNREACH",
  "ENETDOWN",
  "EHOSTUNREACH",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
]);

type ErrorFacts = {
  retryable?: unknown;
  isRetryable?: unknown;
  status?: unknown;
  statusCode?: unknown;
  code?: unknown;
  retryAfterMs?: unknown;
  cause?: unknown;
};

/** The error and its `cause` chain (fetch wraps the network error in `cause`), a few levels deep. */
function* chain(error: unknown): Generator<ErrorFacts> {
  let current = error;
  for (let depth = 0; depth < 4 && current !== null && typeof current === "object"; depth++) {
    yield current as ErrorFacts;
    current = (current as ErrorFacts).cause;
  }
}

function isTransientStatus(status: unknown): boolean {
  return typeof status === "number" && (status === 408 || status === 429 || status >= 500);
}

/**
 * @example
 * isTransientError(Object.assign(new Error("rate limited"), { status: 429 })); // true
 * isTransientError(new TypeError("fetch failed", { cause: { code: "ECONNRESET" } })); // true
 * isTransientError(Object.assign(new Error("bad request"), { status: 400 })); // false
 */
export function isTransientError(error: unknown): boolean {
  if (error instanceof NodeTimeoutError) return false;
  for (const facts of chain(error)) {
    if (facts.retryable === false) return false;
    if (facts.retryable === true || facts.isRetryable === true) return true;
    if (isTransientStatus(facts.status) || isTransientStatus(facts.statusCode)) return true;
    if (typeof facts.code === "string" && TRANSIENT_CODES.has(facts.code)) return true;
  }
  return false;
}

/**
 * How long to wait before attempt `attempt + 1`: the error's `retryAfterMs` when it has
 * one, else exponential backoff from `baseDelayMs`, capped at `maxDelayMs`, with jitter
 * (between half and all of the step, so many runs hitting one limit spread out).
 */
export function retryDelayMs(error: unknown, attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  for (const facts of chain(error)) {
    const after = facts.retryAfterMs;
    if (typeof after === "number" && Number.isFinite(after) && after >= 0) return Math.min(after, MAX_RETRY_AFTER_MS);
  }
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}

/** Waits `ms`, or less if `signal` aborts first (the caller checks the signal). Never rejects. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}
