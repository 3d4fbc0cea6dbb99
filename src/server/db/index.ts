/**
 * The one database handle of this process, kept on `globalThis` because Next.js
 * bundles `instrumentation.ts` and each route separately (a module variable would
 * give each bundle its own copy).
 */
import "server-only";
import { env } from "../env";
import { openDatabase, type DatabaseHandle, type Db } from "./client";

export type { Db, DatabaseHandle } from "./client";
export * as schema from "./schema";

const holder = globalThis as unknown as { __galaxyDb?: Promise<DatabaseHandle> };

/** Opens (once) and returns the process's database handle. */
export function getDatabase(): Promise<DatabaseHandle> {
  if (!holder.__galaxyDb) {
    const config = env();
    holder.__galaxyDb = openDatabase({
      databaseUrl: config.DATABASE_URL,
      dataDir: config.DATABASE_URL ? undefined : config.GALAXY_DATA_DIR,
    });
    holder.__galaxyDb.catch(() => {
      holder.__galaxyDb = undefined;
    });
  }
  return holder.__galaxyDb;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

/** Tests: make this process use a database opened elsewhere. */
export function useDatabase(handle: DatabaseHandle): void {
  holder.__galaxyDb = Promise.resolve(handle);
}

export async function closeDatabase(): Promise<void> {
  const pending = holder.__galaxyDb;
  holder.__galaxyDb = undefined;
  if (pending) await (await pending).close();
}
