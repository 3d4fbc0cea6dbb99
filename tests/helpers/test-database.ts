/**
 * A fresh, migrated database for one test file: a new database on the PostgreSQL
 * server named by TEST_DATABASE_URL (or `serverUrl`), or an in-memory PGlite when that is unset.
 * Files never share a database, so they run in parallel safely.
 */
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { openDatabase, type DatabaseHandle } from "@/server/db/client";

export interface TestDatabase {
  handle: DatabaseHandle;
  /** The connection string of the fresh database (server only). */
  url?: string;
  drop(): Promise<void>;
}

export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;
export const testEngine: "postgres" | "pglite" = testDatabaseUrl ? "postgres" : "pglite";

export async function createTestDatabase(serverUrl = testDatabaseUrl): Promise<TestDatabase> {
  if (!serverUrl) {
    const handle = await openDatabase({});
    return { handle, drop: () => handle.close() };
  }
  const name = `galaxy_t_${randomBytes(6).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), maxConnections: 5 });
  return {
    handle,
    url: url.toString(),
    drop: async () => {
      await handle.close();
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
