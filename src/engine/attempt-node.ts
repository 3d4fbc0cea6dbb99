/**
 * One call of an executor, bounded: it settles when the executor does, when the node's
 * time budget runs out, or when the run is canceled, whichever comes first, so a run
 * never waits on an executor that ignores its signal.
 */
import type { ConnectedValues } from "./node-catalogue";
import { NodeTimeoutError } from "./errors";
import type { TGraphNode } from "./graph-schema";
import type { ExecuteNode, ExecuteNodeResult } from "./run-types";

/** Aborts an attempt in flight with a reason; the attempt rejects with that reason at once. */
export type AbortAttempt = (reason: unknown) => void;

/** setTimeout overflows past this and would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export function attemptNode(
  executeNode: ExecuteNode,
  node: TGraphNode,
  connected: ConnectedValues,
  attempt: number,
  timeoutMs: number,
  inFlight: Set<AbortAttempt>,
): Promise<ExecuteNodeResult> {
  return new Promise<ExecuteNodeResult>((resolve, reject) => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = () => {
      if (timer !== undefined) clearTimeout(timer);
      inFlight.delete(abort);
    };
    const abort: AbortAttempt = (reason) => {
      if (controller.signal.aborted) return;
      settle();
      controller.abort(reason);
      reject(reason);
    };
    inFlight.add(abort);
    if (timeoutMs > 0 && timeoutMs <= MAX_TIMER_MS) {
      timer = setTimeout(() => abort(new NodeTimeoutError(timeoutMs)), timeoutMs);
    }
    let work: Promise<ExecuteNodeResult>;
    try {
      work = Promise.resolve(executeNode(node, connected, controller.signal, attempt));
    } catch (error) {
      work = Promise.reject(error);
    }
    work.then(
      (result) => {
        settle();
        resolve(result);
      },
      (error: unknown) => {
        settle();
        reject(error);
      },
    );
  });
}
