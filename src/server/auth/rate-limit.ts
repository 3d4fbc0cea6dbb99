/**
 * Rate limits kept in the database (`rate_limits`), so they hold across requests in flight and
 * across processes. A hit is reserved BEFORE the work it guards (a password check, a run): one
 * upsert increments every limit the request falls under and returns their counts, in a
 * transaction that is rolled back when any is over, so a refused request counts nowhere and
 * concurrent ones queue on the rows' locks (always taken in the same order) and see each
 * other's hits. Each row holds two fixed windows, read as a sliding one (`rate-window.ts`);
 * the window is cut from the database's clock, which every process shares.
 *
 * Keys are sha256 hashes of what is limited (IPs, e-mails, token ids are not stored in clear).
 * Rows older than two windows say nothing and are deleted, at most once a minute per process.
 */
import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/server/db";
import { AppError } from "@/server/http/errors";
import { isWithinLimit, retryAfterSeconds } from "./rate-window";
import { sha256Hex } from "./secrets";

export interface RateLimit {
  /** The rule's name in `rate_limits.rule`. */
  rule: string;
  limit: number;
  windowSeconds: number;
  /** What is counted, for the 429's message ("sign-in attempts"). */
  what: string;
}

/** Sign-in: all attempts per client IP. */
export const SIGN_IN_PER_IP: RateLimit = { rule: "sign-in:ip", limit: 30, windowSeconds: 10 * 60, what: "sign-in attempts from this address" };
/** Sign-in: failures per e-mail from one client IP; the owner's success there clears them. */
export const SIGN_IN_FAILURES_PER_EMAIL_IP: RateLimit = {
  rule: "sign-in:email+ip",
  limit: 5,
  windowSeconds: 15 * 60,
  what: "failed sign-ins for this account from this address",
};
/** Sign-in: failures per e-mail from anywhere, a slower backstop against guessing from many addresses. */
export const SIGN_IN_FAILURES_PER_EMAIL: RateLimit = {
  rule: "sign-in:email",
  limit: 50,
  windowSeconds: 60 * 60,
  what: "failed sign-ins for this account",
};
export const SIGN_UP_PER_IP: RateLimit = { rule: "sign-up:ip", limit: 10, windowSeconds: 60 * 60, what: "sign-ups from this address" };

/** One limit a request falls under, and what it is counted by (an IP, an e-mail…). */
export interface LimitedBy {
  limit: RateLimit;
  subject: string;
}

/** A hit that was counted: `releaseHit` takes it back. */
export interface Reservation {
  rule: string;
  key: string;
  /** The window it was counted in (epoch seconds). */
  windowStart: number;
}

interface CountRow {
  rule: string;
  key: string;
  hits: number;
  prevHits: number;
  windowSeconds: number;
  windowStart: number;
  elapsedSeconds: number;
}

const CLEANUP_EVERY_MS = 60_000;
const holder = globalThis as unknown as { __galaxyRateLimitCleanup?: number };

/**
 * Counts one hit under every limit, or under none: throws 429 (`Retry-After`: the longest wait)
 * when any is used up. Reservations come back in the order of `wanted`.
 */
export async function reserveHits(wanted: LimitedBy[]): Promise<Reservation[]> {
  const rows = wanted.map(({ limit, subject }) => ({ rule: limit.rule, key: keyOf(limit, subject), seconds: limit.windowSeconds, limit }));
  const db = await getDb();
  const counted = await db.transaction(async (tx) => {
    const result = await tx.execute(reserveSql(rows.map(({ rule, key, seconds }) => ({ rule, key, seconds }))));
    const counts = (result.rows as unknown as CountRow[]).map(toNumbers);
    const matched = rows.map((row) => ({ row, count: counts.find((c) => c.rule === row.rule && c.key === row.key)! }));
    const refused = matched.filter(({ row, count }) => !isWithinLimit(count, row.limit.limit));
    if (refused.length > 0) throw tooMany(refused.map(({ row, count }) => ({ limit: row.limit, retryAfter: retryAfterSeconds(count, row.limit.limit) })));
    return matched.map(({ count }) => count);
  });
  await deleteExpiredNow();
  return counted.map(({ rule, key, windowStart }) => ({ rule, key, windowStart }));
}

/** Takes back a counted hit (a sign-in that succeeded was not a failure). */
export async function releaseHit(reservation: Reservation): Promise<void> {
  const db = await getDb();
  await db.execute(sql`
    UPDATE rate_limits SET
      hits = CASE WHEN window_start = to_timestamp(${reservation.windowStart}::float8) THEN greatest(hits - 1, 0) ELSE hits END,
      prev_hits = CASE WHEN window_start - window_seconds * interval '1 second' = to_timestamp(${reservation.windowStart}::float8)
        THEN greatest(prev_hits - 1, 0) ELSE prev_hits END
    WHERE rule = ${reservation.rule} AND key = ${reservation.key}`);
}

/** Forgets every hit of `subject` under `limit`. */
export async function clearHits(limit: RateLimit, subject: string): Promise<void> {
  const db = await getDb();
  await db.execute(sql`DELETE FROM rate_limits WHERE rule = ${limit.rule} AND key = ${keyOf(limit, subject)}`);
}

/** Deletes rows whose windows have both passed; returns how many. */
export async function deleteExpiredRateLimits(): Promise<number> {
  const db = await getDb();
  const result = await db.execute(sql`DELETE FROM rate_limits WHERE expires_at < now() RETURNING 1`);
  return result.rows.length;
}

function reserveSql(rows: { rule: string; key: string; seconds: number }[]) {
  return sql`
    INSERT INTO rate_limits AS r (rule, key, window_start, window_seconds, hits, prev_hits, expires_at)
    SELECT w.rule, w.key, w.start, w.seconds, 1, 0, w.start + 2 * w.seconds * interval '1 second'
    FROM (
      SELECT x.rule, x.key, x.seconds,
        to_timestamp(floor(extract(epoch FROM now())::float8 / x.seconds) * x.seconds) AS start
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(rule text, key text, seconds int)
    ) AS w
    ORDER BY w.rule, w.key
    ON CONFLICT (rule, key) DO UPDATE SET
      prev_hits = CASE
        WHEN r.window_start = excluded.window_start THEN r.prev_hits
        WHEN r.window_start = excluded.window_start - excluded.window_seconds * interval '1 second' THEN r.hits
        ELSE 0 END,
      hits = CASE WHEN r.window_start = excluded.window_start THEN r.hits + 1 ELSE 1 END,
      window_start = excluded.window_start,
      window_seconds = excluded.window_seconds,
      expires_at = excluded.expires_at
    RETURNING rule, key, hits, prev_hits AS "prevHits", window_seconds AS "windowSeconds",
      extract(epoch FROM window_start)::float8 AS "windowStart",
      extract(epoch FROM now() - window_start)::float8 AS "elapsedSeconds"`;
}

function toNumbers(row: CountRow): CountRow {
  return {
    rule: row.rule,
    key: row.key,
    hits: Number(row.hits),
    prevHits: Number(row.prevHits),
    windowSeconds: Number(row.windowSeconds),
    windowStart: Number(row.windowStart),
    elapsedSeconds: Number(row.elapsedSeconds),
  };
}

function tooMany(refusals: { limit: RateLimit; retryAfter: number }[]): AppError {
  const longest = refusals.reduce((a, b) => (b.retryAfter > a.retryAfter ? b : a));
  return new AppError("RATE_LIMITED", `too many ${longest.limit.what}; try again in ${longest.retryAfter} s`, {
    headers: { "retry-after": String(longest.retryAfter) },
  });
}

function keyOf(limit: RateLimit, subject: string): string {
  return sha256Hex(`${limit.rule}\n${subject}`);
}

async function deleteExpiredNow(): Promise<void> {
  const now = Date.now();
  if (now - (holder.__galaxyRateLimitCleanup ?? 0) < CLEANUP_EVERY_MS) return;
  holder.__galaxyRateLimitCleanup = now;
  await deleteExpiredRateLimits();
}
