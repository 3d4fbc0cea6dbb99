/**
 * One truth for how a node's result reads, on the canvas and in run details: a node stopped
 * by a cancel says "canceled" (the API keeps SKIPPED with `meta.skip`), and a skipped node
 * always says why — which input failed, the budget reached, the run canceled.
 */
import type { SkipReason } from "@/engine/skip-reasons";
import type { NodeResult } from "@/lib/client/types";

type ResultFacts = Pick<NodeResult, "status" | "error" | "meta"> & { cached?: boolean | null };

const UPSTREAM_FAILED = /^skipped: upstream "(.+)" failed$/;

function isSkipReason(value: unknown): value is SkipReason {
  if (!value || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  return (
    v.reason === "canceled" ||
    (v.reason === "input-failed" && typeof v.nodeId === "string") ||
    (v.reason === "stopped" && typeof v.code === "string")
  );
}

/** Why a SKIPPED node did not run: `meta.skip`, or for results stored before it existed, read from `error`. */
export function skipReasonOf(result: ResultFacts): SkipReason | null {
  if (result.status !== "SKIPPED") return null;
  const stored = result.meta?.skip;
  if (isSkipReason(stored)) return stored;
  const error = result.error ?? "";
  if (error === "canceled") return { reason: "canceled" };
  const upstream = UPSTREAM_FAILED.exec(error);
  if (upstream) return { reason: "input-failed", nodeId: upstream[1] };
  if (error.startsWith("skipped:")) return { reason: "stopped", code: "STOPPED" };
  if (error) return { reason: "stopped", code: "STOPPED", here: true };
  return null;
}

/** The word on a node's status pill and in run details: "success", "cached", "failed", "canceled", "skipped", "running". */
export function nodeStatusWord(result: ResultFacts): string {
  if (result.status === "SUCCESS" && result.cached) return "cached";
  if (skipReasonOf(result)?.reason === "canceled") return "canceled";
  return result.status.toLowerCase();
}

export interface SkipNoteText {
  /** `canceled`, `skipped` (an input failed, or the run stopped before it), `stopped` (its own call hit the stop). */
  kind: "canceled" | "skipped" | "stopped";
  text: string;
}

/**
 * What a skipped node tells a person, with what to do next.
 *
 * @example
 * skipNote({ status: "SKIPPED", error: 'skipped: upstream "crop" failed', meta: null }, () => "Crop Image").text;
 * // 'Skipped: "Crop Image" failed before it, so this node had no input. Fix that node, then run again.'
 */
export function skipNote(result: ResultFacts, nameOf: (nodeId: string) => string): SkipNoteText {
  const reason = skipReasonOf(result);
  const stopWords = (result.error ?? "").replace(/^skipped:\s*/, "").replace(/\.$/, "");
  switch (reason?.reason) {
    case "canceled":
      return { kind: "canceled", text: "Canceled: the run was canceled before this node finished." };
    case "input-failed":
      return {
        kind: "skipped",
        text: `Skipped: "${nameOf(reason.nodeId)}" failed before it, so this node had no input. Fix that node, then run again.`,
      };
    case "stopped":
      return reason.here
        ? { kind: "stopped", text: `Not run: ${stopWords}` }
        : { kind: "skipped", text: `Skipped: ${stopWords || "the run was stopped before this node started"}.` };
    case undefined:
      return { kind: "skipped", text: "Skipped: this run did not say why." };
  }
}
