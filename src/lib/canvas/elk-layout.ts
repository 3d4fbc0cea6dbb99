/**
 * Runs ELK on a graph. In the browser, in elkjs's Web Worker (served at `ELK_WORKER_URL`), so the
 * page keeps answering while a big graph is laid out (280 nodes held the main thread ≈ 1.5 s);
 * where there are no workers (tests under Node), or the worker cannot start, in this thread.
 */
import type { ELK, ElkNode } from "elkjs/lib/elk-api";

export const ELK_WORKER_URL = "/vendor/elk-worker.js";

interface OffThread {
  elk: ELK;
  /** Rejects when the worker fails (its script would not load, or it crashed). */
  failed: Promise<never>;
}

let offThread: Promise<OffThread> | null = null;
/** The worker failed once: every later layout runs in this thread. */
let workerBroken = false;

async function startWorker(): Promise<OffThread> {
  const { default: ElkApi } = await import("elkjs/lib/elk-api.js");
  let fail!: (error: Error) => void;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => undefined); // read by `elkLayout` only while a layout waits
  const elk = new ElkApi({
    workerFactory: () => {
      const worker = new Worker(ELK_WORKER_URL);
      worker.addEventListener("error", (event) => {
        event.preventDefault();
        workerBroken = true;
        fail(new Error(event.message || `could not load ${ELK_WORKER_URL}`));
      });
      return worker;
    },
  });
  return { elk, failed };
}

async function inThisThread(graph: ElkNode): Promise<ElkNode> {
  const { default: ElkBundled } = await import("elkjs/lib/elk.bundled.js");
  return new ElkBundled().layout(graph);
}

export async function elkLayout(graph: ElkNode): Promise<ElkNode> {
  if (typeof Worker === "undefined" || workerBroken) return inThisThread(graph);
  offThread ??= startWorker();
  const { elk, failed } = await offThread;
  try {
    return await Promise.race([elk.layout(graph), failed]);
  } catch (error) {
    // ELK's own errors (a graph it cannot lay out) stand; a failed worker means: lay out here.
    if (!workerBroken) throw error;
    elk.terminateWorker();
    offThread = null;
    return inThisThread(graph);
  }
}
