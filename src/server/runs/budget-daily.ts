/**
 * The daily budget's ledger (`GALAXY_DAILY_BUDGET_USD`): what each user's model calls cost
 * per UTC day, across runs and processes, in `daily_usage` — one row per user and day, added
 * to atomically as each call settles (the day is the database's UTC date, so every process
 * agrees on it). Kept only while a daily budget is set: a budget set in the middle of a day
 * counts that day from when it was set. Calls in flight in this process are held apart, in
 * memory, until they settle.
 */
import type { TUsage } from "@/contracts/usage";
import type { DatabaseHandle } from "../db/client";
import { queryPrepared } from "./run-sql";

export interface DailyLedger {
  /** USD this user's priced calls have cost today (UTC), in every process. */
  spentToday(userId: string): Promise<number>;
  /** Adds a settled call; resolves to the user's USD today after it. */
  add(userId: string, usage: TUsage): Promise<number>;
}

const TODAY = `(now() AT TIME ZONE 'UTC')::date`;

const SPENT_SQL = `SELECT cost_usd AS "costUsd" FROM daily_usage WHERE user_id = $1 AND day = ${TODAY}`;

const ADD_SQL = `
INSERT INTO daily_usage (user_id, day, tokens, cost_usd, calls, unpriced_calls)
VALUES ($1, ${TODAY}, $2, $3, 1, $4)
ON CONFLICT (user_id, day) DO UPDATE SET
  tokens = daily_usage.tokens + excluded.tokens,
  cost_usd = daily_usage.cost_usd + excluded.cost_usd,
  calls = daily_usage.calls + 1,
  unpriced_calls = daily_usage.unpriced_calls + excluded.unpriced_calls,
  updated_at = now()
RETURNING cost_usd AS "costUsd"`;

export function createDailyLedger(handle: DatabaseHandle): DailyLedger {
  return {
    async spentToday(userId) {
      const [row] = await queryPrepared<{ costUsd: number | string }>(handle, "galaxy_daily_spent", SPENT_SQL, [userId]);
      return row ? Number(row.costUsd) : 0;
    },
    async add(userId, usage) {
      const [row] = await queryPrepared<{ costUsd: number | string }>(handle, "galaxy_daily_add", ADD_SQL, [
        userId,
        usage.totalTokens ?? 0,
        usage.costUsd ?? 0,
        usage.costUsd === null ? 1 : 0,
      ]);
      return Number(row.costUsd);
    },
  };
}

const holder = globalThis as unknown as { __galaxyDailyHolds?: Map<string, number> };

function holds(): Map<string, number> {
  holder.__galaxyDailyHolds ??= new Map();
  return holder.__galaxyDailyHolds;
}

/** USD held by this process's calls in flight for the user, across their runs. */
export function heldToday(userId: string): number {
  return holds().get(userId) ?? 0;
}

/** Holds `usd` for a call in flight; the returned function lets it go (once). */
export function holdToday(userId: string, usd: number): () => void {
  const map = holds();
  map.set(userId, (map.get(userId) ?? 0) + usd);
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    const left = (map.get(userId) ?? 0) - usd;
    if (left > 1e-12) map.set(userId, left);
    else map.delete(userId);
  };
}
