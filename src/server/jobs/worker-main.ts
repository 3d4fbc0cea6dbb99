/**
 * `npm run worker`: a process that only executes runs (GALAXY_WORKER=external on the web
 * side). Opens the database named by DATABASE_URL, starts pg-boss and the run worker, and
 * works until SIGTERM/SIGINT; then it stops fetching, leaves unfinished runs to be resumed by
 * another worker, and closes cleanly.
 */
import { closeDatabase, getDatabase } from "../db";
import { env, EnvError } from "../env";
import { ensureEventBridge, stopEventBridge } from "../events/pg-event-bridge";
import { logger } from "../log";
import { startQueue, stopQueue } from "./queue";
import { startRunWorker, stopRunWorker } from "./run-worker";

async function main(): Promise<void> {
  const config = env();
  const database = await getDatabase();
  await ensureEventBridge(database);
  const queue = await startQueue(database);
  startRunWorker(queue);
  logger("worker").info(`ready: database=${database.kind} pid=${process.pid} runs at once=${config.GALAXY_WORKER_CONCURRENCY}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger("worker").info(`${signal}: stopping`);
    await stopRunWorker().catch((error: unknown) => logger("worker").error({ err: error }, "could not stop the run worker"));
    await stopQueue().catch(() => undefined);
    await stopEventBridge().catch(() => undefined);
    await closeDatabase().catch(() => undefined);
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  // A bad configuration is the whole story; anything else also needs its stack.
  logger("worker").fatal(error instanceof EnvError ? {} : { err: error }, `cannot start: ${(error as Error)?.message ?? String(error)}`);
  process.exit(1);
});
