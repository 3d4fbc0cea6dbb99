/**
 * A node stopped while it streamed (canceled, timed out, failed mid-answer) keeps the text it
 * had as its output, marked `meta.partial: true`; DESIGN §9. A node that succeeded keeps its
 * own outputs (the whole answer), as does one that streamed nothing.
 */
import type { NodeFinishEvent } from "@/engine";

/**
 * @example
 * withPartialText({ ...failed, status: "FAILED" }, "The answer bega").outputs; // { output: "The answer bega" }
 */
export function withPartialText(event: NodeFinishEvent, textSoFar: string | undefined): NodeFinishEvent {
  if (event.status === "SUCCESS" || !textSoFar || event.outputs !== undefined) return event;
  return { ...event, outputs: { output: textSoFar }, meta: { ...event.meta, partial: true } };
}
