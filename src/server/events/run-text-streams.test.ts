import { afterEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client";
import { liveTextOf } from "./live-text";
import { subscribeRunEvents, type RunEvent } from "./run-events";
import { RunTextStreams } from "./run-text-streams";

const pglite = { kind: "pglite" } as DatabaseHandle;
const offs: (() => void)[] = [];
afterEach(() => offs.splice(0).forEach((off) => off()));

function watch(runId: string): string[] {
  const seen: string[] = [];
  offs.push(
    subscribeRunEvents(
      runId,
      (e: RunEvent) => void (e.type === "delta" && seen.push(`${e.delta.attempt}:${e.delta.text}`)),
    ),
  );
  return seen;
}

describe("RunTextStreams", () => {
  it("waits for the writes queued before a node's first delta, then publishes in order", async () => {
    let release!: () => void;
    const written = new Promise<void>((resolve) => (release = resolve));
    const streams = new RunTextStreams(pglite, "run-ts-1", { settled: () => written, intervalMs: 0 });
    const seen = watch("run-ts-1");

    streams.append("llm", 1, "Hello");
    streams.append("llm", 1, ", world");
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toEqual([]);
    release();
    await streams.flush("llm");
    expect(seen).toEqual(["1:Hello", "1:, world"]);
    expect(liveTextOf("run-ts-1").get("llm")?.text).toBe("Hello, world");
    await streams.end("llm")!.sent;
    await streams.close();
  });

  it("a node that ends before its first delta went out sends none (all or nothing), and its end does not wait for the writes", async () => {
    let release!: () => void;
    const written = new Promise<void>((resolve) => (release = resolve));
    const streams = new RunTextStreams(pglite, "run-ts-3", { settled: () => written, intervalMs: 0 });
    const seen = watch("run-ts-3");
    streams.append("llm", 1, "All at ");
    streams.append("llm", 1, "once");
    const ended = streams.end("llm")!;
    // The RUNNING write is still pending: the final event need not wait for it.
    expect(ended.sent).toBeUndefined();
    expect(ended.text).toBe("All at once");
    release();
    await streams.close();
    expect(seen).toEqual([]);
  });

  it("end hands back the latest attempt's text, sends what was pending, and ignores later pieces", async () => {
    const streams = new RunTextStreams(pglite, "run-ts-2", { intervalMs: 200 });
    const seen = watch("run-ts-2");
    streams.append("llm", 1, "first try");
    await new Promise((resolve) => setTimeout(resolve, 250));
    streams.append("llm", 2, "Sec");
    streams.append("llm", 2, "ond");
    const ended = streams.end("llm")!;
    await ended.sent;
    streams.append("llm", 2, " late");

    expect(ended.text).toBe("Second");
    // Attempt 2 waits out the interval after attempt 1's last piece: its pieces go as one.
    expect(seen).toEqual(["1:first try", "2:Second"]);
    expect(streams.end("llm")).toBeUndefined();
    expect(streams.end("never-streamed")).toBeUndefined();
    await streams.close();
  });
});
