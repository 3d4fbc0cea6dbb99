import { getDatabase, closeDatabase } from "../db";
import { env, EnvError } from "../env";
import { DataDirLockedError } from "../db/data-dir-lock";
import { startBackgroundServices, stopBackgroundServices } from "./background-services";

const holder = globalThis as unknown as { __galaxyStarted?: boolean };

/** Open everything this process needs, or exit with one line saying why. */
export async function startServerProcess(): Promise<void> {
  if (holder.__galaxyStarted) return;
  holder.__galaxyStarted = true;
  try {
    const config = env();
    const started = Date.now();
    const database = await getDatabase();
    await startBackgroundServices(database);
    console.log(
      `[galaxy] ready: database=${database.kind}${config.DATABASE_URL ? "" : ` (${config.GALAXY_DATA_DIR})`} worker=${config.GALAXY_WORKER} in ${Date.now() - started} ms`,
    );
  } catch (error) {
    const known = error instanceof EnvError || error instanceof DataDirLockedError;
    console.error(`[galaxy] cannot start: ${known ? (error as Error).message : String((error as Error)?.stack ?? error)}`);
    process.exit(1);
  }
  const shutdown = async (signal: string) => {
    console.log(`[galaxy] ${signal}: shutting down`);
    await stopBackgroundServices().catch(() => undefined);
    await closeDatabase().catch(() => undefined);
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}
