/**
 * The text an LLM node has streamed so far in the live run, per node: `delta` events append,
 * a higher `attempt` (a retry) starts the text over, a stale attempt's late delta is dropped,
 * and a snapshot's text so far replaces what this tab had (it connected mid-stream).
 */
import type { TextDelta } from "@/lib/client/types";

export type { TextDelta };

export interface NodeStream {
  attempt: number;
  text: string;
}

export type NodeStreams = Record<string, NodeStream>;

export function appendDelta(streams: NodeStreams, delta: TextDelta): NodeStreams {
  const current = streams[delta.nodeId];
  if (current && delta.attempt < current.attempt) return streams;
  const text = current && current.attempt === delta.attempt ? current.text + delta.text : delta.text;
  return { ...streams, [delta.nodeId]: { attempt: delta.attempt, text } };
}

/** A node (re)started: attempt n > 1 clears the earlier attempt's text at once, before its first token. */
export function startAttempt(streams: NodeStreams, nodeId: string, attempt: number): NodeStreams {
  const current = streams[nodeId];
  if (current && current.attempt >= attempt) return streams;
  return { ...streams, [nodeId]: { attempt, text: "" } };
}

/** A snapshot's text so far for a node still running. */
export function replaceText(streams: NodeStreams, nodeId: string, attempt: number, text: string): NodeStreams {
  const current = streams[nodeId];
  if (current && (current.attempt > attempt || (current.attempt === attempt && current.text === text))) return streams;
  return { ...streams, [nodeId]: { attempt, text } };
}

export function dropStreams(streams: NodeStreams, nodeIds: string[]): NodeStreams {
  if (!nodeIds.some((id) => id in streams)) return streams;
  const next = { ...streams };
  for (const id of nodeIds) delete next[id];
  return next;
}
