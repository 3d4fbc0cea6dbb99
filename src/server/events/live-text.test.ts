import { describe, expect, it } from "vitest";
import { forgetLiveText, liveTextOf, trackLiveText } from "./live-text";
import type { RunEvent } from "./run-events";

const delta = (nodeId: string, attempt: number, text: string): RunEvent => ({
  type: "delta",
  delta: { nodeId, attempt, text },
});
const nodeEvent = (runId: string, nodeId: string, status: "RUNNING" | "SUCCESS") =>
  ({ type: "node", row: { runId, nodeId, status } }) as unknown as RunEvent;
const runEvent = (id: string, status: "RUNNING" | "CANCELED") =>
  ({ type: "run", row: { id, status } }) as unknown as RunEvent;
let n = 0;
const newRun = () => `run-live-${++n}`;

describe("live text", () => {
  it("joins a node's deltas; a higher attempt starts over, a late lower one is ignored", () => {
    const run = newRun();
    trackLiveText(run, delta("a", 1, "Hello"));
    trackLiveText(run, delta("a", 1, ", world"));
    trackLiveText(run, delta("b", 1, "other"));
    expect(liveTextOf(run).get("a")).toEqual(expect.objectContaining({ attempt: 1, text: "Hello, world" }));
    trackLiveText(run, delta("a", 2, "Again"));
    trackLiveText(run, delta("a", 1, " (late)"));
    expect(liveTextOf(run).get("a")).toEqual(expect.objectContaining({ attempt: 2, text: "Again" }));
    expect(liveTextOf(run).get("b")?.text).toBe("other");
  });

  it("a node event drops that node's text; the run's end drops them all; other events leave it", () => {
    const run = newRun();
    trackLiveText(run, delta("a", 1, "x"));
    trackLiveText(run, delta("b", 1, "y"));
    trackLiveText(run, runEvent(run, "RUNNING"));
    trackLiveText(run, nodeEvent(run, "a", "SUCCESS"));
    expect([...liveTextOf(run).keys()]).toEqual(["b"]);
    trackLiveText(run, runEvent(run, "CANCELED"));
    expect(liveTextOf(run).size).toBe(0);
    trackLiveText(run, delta("c", 1, "z"));
    forgetLiveText(run, "c");
    expect(liveTextOf(run).size).toBe(0);
  });

  it("is bounded: a node quiet too long, and the least recently updated past the size cap, are forgotten", () => {
    // Updated in time order, as the clock goes (earlier tests' entries are older still).
    const t0 = Date.now() + 1;
    const quiet = newRun();
    trackLiveText(quiet, delta("a", 1, "old"), t0);
    const busy = newRun();
    trackLiveText(busy, delta("a", 1, "new"), t0 + 16 * 60_000);
    expect(liveTextOf(quiet).size).toBe(0);
    expect(liveTextOf(busy).get("a")?.text).toBe("new");

    const big = newRun();
    const now = t0 + 16 * 60_000;
    trackLiveText(big, delta("first", 1, "x".repeat(20_000_000)), now);
    trackLiveText(big, delta("second", 1, "y".repeat(20_000_000)), now);
    expect([...liveTextOf(big).keys()]).toEqual(["second"]);
    trackLiveText(big, runEvent(big, "CANCELED"), now);
  });
});
