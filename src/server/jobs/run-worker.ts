/**
 * Executes queued runs: fetches up to `capacity` run jobs at a time from pg-boss and runs
 * each with the run executor, completing or failing its job when it ends. Woken at once by
 * an enqueue in this process or (PostgreSQL) by another process's notice; otherwise polls.
 * Also sweeps stale runs (see sweep-stale-runs.ts) on start and every half lease, and prunes
 * old workflow versions (see prune-versions.ts) a minute after start and then hourly.
 *
 * Stopping drains: no more jobs are fetched, runs in flight start no more nodes and finish the
 * ones they are running (paid model calls) for up to GALAXY_SHUTDOWN_GRACE_SECONDS, then the
 * rest are aborted; each unfinished run is handed back to the queue for another worker to
 * resume. A database that does not answer pauses fetching and sweeping, never stops the loop.
 *
 * A run created in this process while the worker has a free slot skips the queue's round trips:
 * `reserveInlineSlot` holds a slot, the run is stored already claimed with its job active
 * (start-run-here.ts), and the slot starts it at once. Its job is completed by the run's final write.
 */
import "server-only";
import type PgBoss from "pg-boss";
import { env } from "../env";
import { onJobWake } from "../events/run-events";
import { heartbeatsAreTelling, noteIfDatabaseUnavailable } from "../db/outage";
import { logger } from "../log";
import type { ClaimedRun } from "../runs/claim-run";
import { executeRun } from "../runs/execute-run";
import { handBackRun } from "./hand-back-run";
import { RUN_QUEUE, type QueueState } from "./queue";
import { pruneVersions } from "../versions/prune-versions";
import { sweepStaleRuns } from "./sweep-stale-runs";

const PRUNE_EVERY_MS = 60 * 60 * 1000;
const FIRST_PRUNE_MS = 60 * 1000;

export interface RunJobData {
  runId: string;
}

/** A slot of this process's worker, held for a run about to be created here. */
export interface InlineSlot {
  /** Executes the run (already claimed, its job `jobId` active) in this slot. */
  start(jobId: string, run: ClaimedRun): void;
  /** Gives the slot back unused. */
  release(): void;
}

interface WorkerState {
  stop(): Promise<void>;
  /** A free slot held for a run created here, or undefined when none is free. */
  reserveSlot(): InlineSlot | undefined;
}

const holder = globalThis as unknown as { __galaxyWorker?: WorkerState };

export function startRunWorker(queue: QueueState): WorkerState {
  if (holder.__galaxyWorker) return holder.__galaxyWorker;
  const config = env();
  const log = logger("worker");
  const { boss } = queue;
  const capacity = config.GALAXY_WORKER_CONCURRENCY;
  const active = new Map<string, Promise<void>>();
  /** Slots held by reserveSlot and not started or released yet. */
  let reserved = 0;
  const drain = new AbortController();
  const shutdown = new AbortController();
  let stopped = false;
  let wake: (() => void) | undefined;
  let woken = false;

  const signalWake = () => {
    woken = true;
    wake?.();
  };
  /**
   * Jobs may be waiting in the queue: one was enqueued, or the last fetch filled every free slot.
   * Only then does a freed slot fetch at once (else the poll finds what other processes queue):
   * a run started here and ended costs no empty fetch.
   */
  let mayHaveWaiting = true;
  const offWake = onJobWake(() => {
    mayHaveWaiting = true;
    signalWake();
  });
  const slotFreed = () => {
    if (mayHaveWaiting) signalWake();
  };

  const runJob = (job: Pick<PgBoss.Job<RunJobData>, "id" | "data">, claimed?: ClaimedRun) => {
    const jobLog = log.child({ runId: job.data.runId, jobId: job.id });
    const done = executeRun(job.data.runId, { drain: drain.signal, signal: shutdown.signal, claimed, job: { queue: RUN_QUEUE, id: job.id } })
      .then(
        (result) => {
          // Shut down while another worker held the run: that worker may still die, so the job stays
          // active for the sweeper to fail (and pg-boss to retry) once the run's heartbeat is stale.
          if (result.kind === "interrupted") return jobLog.info("shut down while another worker held the run; its job is left to be retried");
          if (result.kind === "handed-over") return handBackRun(queue.handle, job.id, job.data.runId, config.GALAXY_RUN_LEASE_SECONDS);
          if (result.kind === "finished" && result.jobCompleted) return;
          return boss.complete(RUN_QUEUE, job.id);
        },
        (error: unknown) => {
          if (!shutdown.signal.aborted) jobLog.error({ err: error }, "run failed to execute");
          // On shutdown the job stays active: the sweeper fails it once the heartbeat is stale, and it is retried.
          if (!shutdown.signal.aborted) return boss.fail(RUN_QUEUE, job.id, { message: (error as Error)?.message ?? String(error) });
        },
      )
      .catch((error: unknown) => jobLog.error({ err: error }, "could not settle the job"))
      .finally(() => {
        active.delete(job.id);
        slotFreed();
      });
    active.set(job.id, done);
  };

  const loop = async () => {
    while (!stopped) {
      woken = false;
      const free = capacity - active.size - reserved;
      if (free > 0) {
        const jobs = await boss.fetch<RunJobData>(RUN_QUEUE, { batchSize: free }).catch((error: unknown) => {
          if (!noteIfDatabaseUnavailable(error)) log.error({ err: error }, "could not fetch jobs");
          return undefined; // polled again after the usual wait
        });
        if (jobs) mayHaveWaiting = jobs.length === free;
        for (const job of jobs ?? []) runJob(job);
        if (jobs?.length === free) continue;
      }
      if (woken || stopped) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, config.GALAXY_WORKER_POLL_MS);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  };
  const looping = loop().catch((error: unknown) => log.error({ err: error }, "stopped on an error"));

  const sweep = () => {
    // A heartbeat that went quiet while the database was down says nothing about its worker.
    if (!heartbeatsAreTelling(config.GALAXY_RUN_LEASE_SECONDS)) return;
    return sweepStaleRuns(queue).catch((error: unknown) =>
      noteIfDatabaseUnavailable(error) ? log.warn("sweep skipped: the database is not answering") : log.error({ err: error }, "sweep failed"),
    );
  };
  void sweep();
  const sweeper = setInterval(() => void sweep(), Math.max(200, (config.GALAXY_RUN_LEASE_SECONDS * 1000) / 2));
  sweeper.unref();

  const prune = () =>
    pruneVersions(queue.handle, config.GALAXY_VERSION_RETENTION_DAYS)
      .then((pruned) => pruned.versions > 0 && log.info(pruned, "pruned old workflow versions"))
      .catch((error: unknown) => log.error({ err: error }, "version pruning failed"));
  const firstPrune = setTimeout(() => void prune(), FIRST_PRUNE_MS);
  const pruner = setInterval(() => void prune(), PRUNE_EVERY_MS);
  firstPrune.unref();
  pruner.unref();

  const state: WorkerState = {
    reserveSlot() {
      if (stopped || active.size + reserved >= capacity) return undefined;
      reserved++;
      let held = true;
      const letGo = () => {
        if (!held) return false;
        held = false;
        reserved--;
        return true;
      };
      return {
        start: (jobId, run) => {
          if (!letGo()) return;
          if (!stopped) return runJob({ id: jobId, data: { runId: run.id } }, run);
          // Stopped while the run was being stored: back to the queue, for the next worker.
          void handBackRun(queue.handle, jobId, run.id, config.GALAXY_RUN_LEASE_SECONDS).catch((error: unknown) =>
            log.error({ err: error, runId: run.id }, "could not hand back a run created while stopping"),
          );
        },
        release: () => {
          if (letGo()) slotFreed();
        },
      };
    },
    async stop() {
      if (holder.__galaxyWorker === state) holder.__galaxyWorker = undefined;
      stopped = true;
      clearInterval(sweeper);
      clearTimeout(firstPrune);
      clearInterval(pruner);
      offWake();
      wake?.();
      await looping;
      // Runs in flight start nothing more and finish what they run, within the grace; then
      // what is left is aborted. Each unfinished run is handed back for another worker to resume.
      drain.abort();
      const settled = Promise.allSettled(active.values());
      let graceTimer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<void>((resolve) => (graceTimer = setTimeout(resolve, config.GALAXY_SHUTDOWN_GRACE_SECONDS * 1000)));
      await Promise.race([settled, graceOver]);
      clearTimeout(graceTimer);
      shutdown.abort();
      await settled;
    },
  };
  holder.__galaxyWorker = state;
  return state;
}

/** A free slot of this process's worker for a run created here; undefined without a worker or a free slot. */
export function reserveInlineSlot(): InlineSlot | undefined {
  return holder.__galaxyWorker?.reserveSlot();
}

export async function stopRunWorker(): Promise<void> {
  await holder.__galaxyWorker?.stop();
}
