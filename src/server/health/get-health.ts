import "server-only";
import { sql } from "drizzle-orm";
import { getDatabase } from "../db";
import { countAppliedMigrations } from "../db/migrate";

export interface Health {
  success: true;
  database: "pglite" | "postgres";
  migrations: number;
}

/** Liveness with a real query: the database answers and reports its migrations. */
export async function getHealth(): Promise<Health> {
  const database = await getDatabase();
  await database.db.execute(sql`SELECT 1`);
  return { success: true, database: database.kind, migrations: await countAppliedMigrations(database) };
}
