/**
 * Reads a run's live event stream (`GET /api/execute/{runId}/events`, the real route handler
 * in this process) as it arrives, event by event: for tests that act mid-stream (open a
 * second stream, cancel) and check the order of what was sent.
 */
import { NextRequest } from "next/server";
import { GET as events } from "@/app/api/execute/[runId]/events/route";
import { hasRunSubscribers } from "@/server/events/run-events";

export interface ReceivedEvent {
  event: string;
  // Parsed JSON of the event's data line, as a client would read it.
  data: any;
  /** When it was read (epoch ms, sub-millisecond). */
  at: number;
}

export interface RunEventClient {
  received: ReceivedEvent[];
  /** Resolves with the first event (already received or to come) that matches. */
  waitFor(predicate: (event: ReceivedEvent) => boolean, timeoutMs?: number): Promise<ReceivedEvent>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  /** Hangs up. */
  close(): void;
}

/** Opens the stream and resolves once the server listens to the run's events. */
export async function openRunEvents(runId: string, headers: Record<string, string>): Promise<RunEventClient> {
  const hangUp = new AbortController();
  const req = new NextRequest(new URL(`/api/execute/${runId}/events`, "http://127.0.0.1:3000"), {
    headers,
    signal: hangUp.signal,
  });
  const subscribersBefore = hasRunSubscribers(runId);
  const res = await events(req, { params: Promise.resolve({ runId }) });
  if (res.status !== 200 || !res.body)
    throw new Error(`event stream answered ${res.status}: ${await res.text()}`);
  const received: ReceivedEvent[] = [];
  const waiters = new Set<() => void>();
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  const ended = (async () => {
    let buffer = "";
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) break;
      buffer += value;
      let cut: number;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        if (!block.startsWith("event: ")) continue;
        const [eventLine, dataLine] = block.split("\n");
        received.push({
          event: eventLine.slice("event: ".length),
          data: JSON.parse(dataLine.slice("data: ".length)),
          at: performance.timeOrigin + performance.now(),
        });
      }
      for (const wake of waiters) wake();
    }
    for (const wake of waiters) wake();
  })();
  let done = false;
  void ended.then(() => (done = true));
  // The route subscribes before it reads the snapshot; a second stream of a watched run is subscribed once it answers.
  for (let i = 0; i < 500 && !subscribersBefore && !hasRunSubscribers(runId); i++)
    await new Promise((r) => setTimeout(r, 10));

  return {
    received,
    ended,
    close: () => hangUp.abort(),
    waitFor(predicate, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = received.find(predicate);
          if (found) return finish(() => resolve(found));
          if (done)
            return finish(() =>
              reject(
                new Error(`stream ended without the event (${received.map((e) => e.event).join(", ")})`),
              ),
            );
        };
        const timer = setTimeout(
          () => finish(() => reject(new Error(`no such event within ${timeoutMs} ms`))),
          timeoutMs,
        );
        const finish = (then: () => void) => {
          clearTimeout(timer);
          waiters.delete(check);
          then();
        };
        waiters.add(check);
        check();
      });
    },
  };
}

/** The `delta` events of one node, in order. */
export const deltasOf = (client: RunEventClient, nodeId: string) =>
  client.received.filter((e) => e.event === "delta" && e.data.nodeId === nodeId);

/**
 * A node's text as a client builds it: the snapshot's text so far (a node RUNNING when the
 * stream connected), then its deltas; only those of `attempt` when given.
 */
export function streamedText(client: RunEventClient, nodeId: string, attempt?: number): string {
  const snapshot = client.received.find((e) => e.event === "snapshot");
  const row = snapshot?.data.nodeResults.find((r: { nodeId: string }) => r.nodeId === nodeId);
  const soFar =
    row?.status === "RUNNING" &&
    typeof row.output?.output === "string" &&
    (attempt === undefined || (row.meta?.attempt ?? 1) === attempt)
      ? row.output.output
      : "";
  const deltas = deltasOf(client, nodeId).filter((d) => attempt === undefined || d.data.attempt === attempt);
  return soFar + deltas.map((d) => d.data.text).join("");
}
