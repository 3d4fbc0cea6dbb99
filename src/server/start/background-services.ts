/**
 * Long-lived services started with the server process (the job worker arrives with
 * the engine). Kept separate so `start-server-process` stays about start-up order.
 */
import type { DatabaseHandle } from "../db/client";

export async function startBackgroundServices(_database: DatabaseHandle): Promise<void> {}

export async function stopBackgroundServices(): Promise<void> {}
