/**
 * Riding out a database that does not answer (an outage, a restart, a failover): which errors
 * say so, a clock of when this process last saw one, and a retry for writes that must not be
 * lost. The run executor buffers its progress through an outage instead of canceling the run,
 * and sweepers do not take a quiet heartbeat for a dead worker right after one (see
 * `msSinceDatabaseUnavailable`).
 */
import { DrizzleQueryError } from "drizzle-orm";

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

let lastUnavailableAt = Number.NEGATIVE_INFINITY;

/** True when `error` says the database is not answering; then remembers when (see `msSinceDatabaseUnavailable`). */
export function noteIfDatabaseUnavailable(error: unknown): boolean {
  if (!isDatabaseUnavailable(error)) return false;
  lastUnavailableAt = Date.now();
  return true;
}

/**
 * Milliseconds since this process last saw the database not answering (Infinity: never). A
 * heartbeat that went stale during an outage says nothing about its worker: every worker
 * was cut off alike, so a sweeper waits a whole lease after an outage before judging.
 */
export function msSinceDatabaseUnavailable(): number {
  return Date.now() - lastUnavailableAt;
}

/**
 * Whether a stale heartbeat may be taken for a dead worker: only after the database has
 * answered this process for a whole lease (a sweeper's rule; see `msSinceDatabaseUnavailable`).
 */
export function heartbeatsAreTelling(leaseSeconds: number): boolean {
  return msSinceDatabaseUnavailable() >= leaseSeconds * 1000;
}

export interface RetryWhileUnavailableOptions {
  /** Give up (throw the last error) once the database has not answered for this long. */
  toleranceMs: number;
  /** Told once, at the first failure, so the caller can say that it waits. */
  onOutage?: (error: unknown) => void;
}

/**
 * Runs `work`; while it fails because the database does not answer, waits (0.2 s, doubling to
 * 2 s) and runs it again, up to `toleranceMs`. Any other error is thrown at once. `work` must be
 * safe to repeat: a statement whose answer was lost may have been committed.
 */
export async function retryWhileUnavailable<T>(work: () => Promise<T>, options: RetryWhileUnavailableOptions): Promise<T> {
  let since: number | undefined;
  let delayMs = 200;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (!noteIfDatabaseUnavailable(error)) throw error;
      if (since === undefined) {
        since = Date.now();
        options.onOutage?.(error);
      }
      if (Date.now() - since >= options.toleranceMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      delayMs = Math.min(2_000, delayMs * 2);
    }
  }
}
