/**
 * Applies drizzle-kit's migrations from ./drizzle at start. Idempotent; on a server
 * an advisory lock makes concurrent starts (web + workers) take turns.
 */
import { resolve } from "node:path";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { DatabaseHandle } from "./client";

/** Any 64-bit constant shared by every Galaxy process. */
const MIGRATION_LOCK_KEY = 7_271_144_001;

export function migrationsFolder(): string {
  return resolve(process.cwd(), "drizzle");
}

export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  const config = { migrationsFolder: migrationsFolder() };
  if (handle.kind === "pglite") {
    await migratePglite(handle.db as unknown as PgliteDatabase, config);
    return;
  }
  const client = await handle.pool!.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await migratePg(drizzlePg(client), config);
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}

/** How many migrations this database has applied. */
export async function countAppliedMigrations(handle: DatabaseHandle): Promise<number> {
  const result = await handle.db.execute(sql`SELECT count(*)::int AS count FROM drizzle.__drizzle_migrations`);
  return Number((result.rows[0] as { count: number }).count);
}
