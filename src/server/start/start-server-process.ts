import { getDatabase, closeDatabase } from "../db";
import { env, EnvError } from "../env";
import { DataDirLockedError } from "../db/data-dir-lock";
import { logger } from "../log";
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
    logger("galaxy").info(
      `ready: database=${database.kind}${config.DATABASE_URL ? "" : ` (${config.GALAXY_DATA_DIR})`} worker=${config.GALAXY_WORKER} in ${Date.now() - started} ms`,
    );
  } catch (error) {
    const known = error instanceof EnvError || error instanceof DataDirLockedError;
    // A known cause is the whole story; anything else also needs its stack.
    logger("galaxy").fatal(known ? {} : { err: error }, `cannot start: ${(error as Error)?.message ?? String(error)}`);
    process.exit(1);
  }
  // `npm start` sets NEXT_MANUAL_SIG_HANDLE, so Next leaves the signals to this: it would exit as soon
  // as its HTTP server closed, cutting short the inline worker's grace for the model calls in flight.
  const shutdown = async (signal: string) => {
    logger("galaxy").info(`${signal}: shutting down`);
    await stopBackgroundServices().catch(() => undefined);
    await closeDatabase().catch(() => undefined);
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}
