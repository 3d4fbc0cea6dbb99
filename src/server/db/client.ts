/**
 * Opens the database: PGlite in `GALAXY_DATA_DIR/pgdata` by default, a node-postgres
 * pool when `DATABASE_URL` is set. Same schema, same queries, same migrations.
 */
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { pgliteClientForDrizzle } from "./prepare-by-name";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import { logger } from "../log";
import { lockDataDir, type DataDirLock } from "./data-dir-lock";
import { noteIfDatabaseUnavailable } from "./outage";
import { runMigrations } from "./migrate";
import * as relations from "./relations";
import * as tables from "./schema";

export const fullSchema = { ...tables, ...relations };

/** Both drivers expose the same query builder; we type them as one. */
export type Db = NodePgDatabase<typeof fullSchema>;

export type DatabaseKind = "pglite" | "postgres";

/** A raw SQL executor (for pg-boss and LISTEN/NOTIFY-free notifications). */
export type SqlExecutor = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

export interface DatabaseHandle {
  kind: DatabaseKind;
  db: Db;
  executeSql: SqlExecutor;
  /** Postgres only: the connection string (pg-boss opens its own pool with it). */
  connectionString?: string;
  /** PGlite only: the instance (pg-boss runs on it through `executeSql`). */
  pglite?: PGlite;
  pool?: Pool;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres://… → server; otherwise embedded. */
  databaseUrl?: string;
  /** Embedded only. Omit for an in-memory database (tests). */
  dataDir?: string;
  /** Pool size for the server. */
  maxConnections?: number;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const handle = options.databaseUrl
    ? openPostgres(options.databaseUrl, options.maxConnections ?? 10)
    : await openPglite(options.dataDir);
  try {
    await runMigrations(handle);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

function openPostgres(connectionString: string, max: number): DatabaseHandle {
  const pool = new Pool({ connectionString, max });
  // The server going away (a restart, an outage) ends idle connections: expected, and the pool reconnects.
  pool.on("error", (error) =>
    noteIfDatabaseUnavailable(error) ? logger("db").warn(`idle connection closed: ${error.message}`) : logger("db").error({ err: error }, "idle client error"),
  );
  return {
    kind: "postgres",
    db: drizzlePg(pool, { schema: fullSchema, casing: "snake_case" }),
    executeSql: async (text, values) => pool.query(text, values as unknown[] | undefined),
    connectionString,
    pool,
    close: () => pool.end(),
  };
}

/**
 * PGlite's own start parameters, with a smaller buffer cache: its 128 MB default lives in the
 * server's memory and, the data files being real files, duplicates what the OS already caches.
 */
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=32MB"];

async function openPglite(dataDir: string | undefined): Promise<DatabaseHandle> {
  let lock: DataDirLock | undefined;
  let pglite: PGlite;
  if (dataDir) {
    lock = lockDataDir(dataDir);
    const pgdata = join(resolve(dataDir), "pgdata");
    mkdirSync(dirname(pgdata), { recursive: true });
    try {
      pglite = await PGlite.create(pgdata, { startParams: PGLITE_START_PARAMS });
    } catch (error) {
      lock.release();
      throw error;
    }
  } else {
    pglite = await PGlite.create();
  }
  const db = drizzlePglite(pgliteClientForDrizzle(pglite), {
    schema: fullSchema,
    casing: "snake_case",
  }) as unknown as Db;
  return {
    kind: "pglite",
    db,
    executeSql: async (text, values) =>
      values?.length ? pglite.query(text, values) : ((await pglite.exec(text)).at(-1) ?? { rows: [] }),
    pglite,
    close: async () => {
      try {
        await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
}
