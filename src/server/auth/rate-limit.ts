/**
 * An in-memory sliding-window rate limiter (per process: with several web processes
 * each keeps its own count, which still bounds guessing to N× the limit).
 */
import { AppError } from "@/server/http/errors";

export interface RateLimit {
  limit: number;
  windowMs: number;
}

/** Sign-in: every attempt counts per IP; failed attempts count per e-mail. */
export const SIGN_IN_PER_IP: RateLimit = { limit: 30, windowMs: 10 * 60_000 };
export const SIGN_IN_FAILURES_PER_EMAIL: RateLimit = { limit: 5, windowMs: 15 * 60_000 };
export const SIGN_UP_PER_IP: RateLimit = { limit: 10, windowMs: 60 * 60_000 };

const MAX_KEYS = 50_000;
const holder = globalThis as unknown as { __galaxyRateLimits?: Map<string, number[]> };
const windows = (): Map<string, number[]> => (holder.__galaxyRateLimits ??= new Map());

function recent(key: string, rule: RateLimit, now: number): number[] {
  const hits = (windows().get(key) ?? []).filter((t) => now - t < rule.windowMs);
  if (hits.length > 0) windows().set(key, hits);
  else windows().delete(key);
  return hits;
}

/** Throws 429 (with Retry-After) when `key` already used up its window. */
export function assertUnderLimit(key: string, rule: RateLimit, now = Date.now()): void {
  const hits = recent(key, rule, now);
  if (hits.length < rule.limit) return;
  const retryAfter = Math.max(1, Math.ceil((hits[0] + rule.windowMs - now) / 1000));
  throw new AppError("RATE_LIMITED", `too many attempts; try again in ${retryAfter} s`, {
    headers: { "retry-after": String(retryAfter) },
  });
}

export function recordHit(key: string, now = Date.now()): void {
  const map = windows();
  if (map.size >= MAX_KEYS && !map.has(key)) {
    // Crude memory bound under a flood of distinct keys: forget the oldest key.
    const oldest = map.keys().next().value;
    if (oldest !== undefined) map.delete(oldest);
  }
  const hits = map.get(key) ?? [];
  hits.push(now);
  map.set(key, hits);
}

export function clearHits(key: string): void {
  windows().delete(key);
}

/** Tests only. */
export function resetRateLimits(): void {
  windows().clear();
}
