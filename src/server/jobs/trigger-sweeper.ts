/**
 * In Trigger.dev mode no worker of ours executes runs, so the web process sweeps them
 * (sweep-trigger-runs.ts): on start and every half lease, one sweep at a time. Once per process
 * (kept on `globalThis`, like the run worker).
 */
import type { DatabaseHandle } from "../db/client";
import { heartbeatsAreTelling, noteIfDatabaseUnavailable } from "../db/outage";
import { env } from "../env";
import { logger } from "../log";
import { sweepTriggerRuns } from "./sweep-trigger-runs";

const holder = globalThis as unknown as { __galaxyTriggerSweeper?: { stop(): Promise<void> } };

export function startTriggerSweeper(handle: DatabaseHandle): void {
  if (holder.__galaxyTriggerSweeper) return;
  const log = logger("worker");
  let sweeping: Promise<void> | undefined;
  const sweep = () => {
    // A heartbeat that went quiet while the database was down says nothing about its task run.
    if (!heartbeatsAreTelling(env().GALAXY_RUN_LEASE_SECONDS)) return;
    sweeping ??= sweepTriggerRuns(handle)
      .then((swept) => {
        if (swept.retried.length + swept.lost.length + swept.handedOver.length > 0) log.info(swept, "swept stale Trigger.dev runs");
      })
      .catch((error: unknown) =>
        noteIfDatabaseUnavailable(error) ? log.warn("Trigger.dev sweep skipped: the database is not answering") : log.error({ err: error }, "Trigger.dev sweep failed"),
      )
      .finally(() => (sweeping = undefined));
  };
  sweep();
  const timer = setInterval(sweep, Math.max(200, (env().GALAXY_RUN_LEASE_SECONDS * 1000) / 2));
  timer.unref();
  const sweeper = {
    async stop() {
      if (holder.__galaxyTriggerSweeper === sweeper) holder.__galaxyTriggerSweeper = undefined;
      clearInterval(timer);
      await sweeping;
    },
  };
  holder.__galaxyTriggerSweeper = sweeper;
}

export async function stopTriggerSweeper(): Promise<void> {
  await holder.__galaxyTriggerSweeper?.stop();
}
