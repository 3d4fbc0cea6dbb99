/**
 * Why a node ended SKIPPED. The engine stores it in the node result's `meta.skip` (beside the
 * `error` text it has always written), so the canvas, run details and API readers all tell a
 * cancel apart from a failed input or a stopped run without reading prose.
 */
export type SkipReason =
  /** The run was canceled before this node finished. */
  | { reason: "canceled" }
  /** An input node failed (`nodeId`, the nearest failed one upstream), so this one could not run. */
  | { reason: "input-failed"; nodeId: string }
  /**
   * The run was stopped (a budget reached, a worker shutting down: `code`); `here` is true on
   * the node whose own call hit the stop. The stop's words are in the result's `error`.
   */
  | { reason: "stopped"; code: string; here?: boolean };

export type SkipReasonKind = SkipReason["reason"];

/**
 * The `error` text written beside each reason (what older readers of the API already show).
 * `words`: the stop's message for `stopped`; the failed node's name (`nodeLogName`) for `input-failed`.
 */
export function skipErrorText(skip: SkipReason, words?: string): string {
  switch (skip.reason) {
    case "canceled":
      return "canceled";
    case "input-failed":
      return `skipped: upstream ${words ?? JSON.stringify(skip.nodeId)} failed`;
    case "stopped":
      return skip.here && words ? words : `skipped: ${words ?? "the run was stopped"}`;
  }
}
