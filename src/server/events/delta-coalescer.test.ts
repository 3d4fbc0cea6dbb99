import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DeltaCoalescer } from "./delta-coalescer";
import type { NodeTextDelta } from "./run-events";

let sent: NodeTextDelta[];
let coalescer: DeltaCoalescer;
beforeEach(() => {
  vi.useFakeTimers();
  sent = [];
  coalescer = new DeltaCoalescer({ emit: (d) => void sent.push(d), intervalMs: 50, now: () => Date.now() });
});
afterEach(() => {
  coalescer.dispose();
  vi.useRealTimers();
});

describe("DeltaCoalescer", () => {
  it("sends the first pieces after one interval, then at most one event per interval with what gathered", () => {
    coalescer.append("a", 1, "He");
    vi.advanceTimersByTime(49);
    coalescer.append("a", 1, "l");
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([{ nodeId: "a", attempt: 1, text: "Hel" }]);
    for (const piece of ["l", "o", ",", " "]) coalescer.append("a", 1, piece);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(49);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sent.at(-1)).toEqual({ nodeId: "a", attempt: 1, text: "lo, " });
    // Quiet for longer than the interval: the next piece goes out at once again.
    vi.advanceTimersByTime(200);
    coalescer.append("a", 1, "world");
    expect(sent.map((d) => d.text)).toEqual(["Hel", "lo, ", "world"]);
  });

  it("never more than one event per interval per node, whatever the rate; nodes are independent", () => {
    for (let ms = 0; ms < 1_000; ms++) {
      coalescer.append("a", 1, "x");
      coalescer.append("b", 1, "y");
      vi.advanceTimersByTime(1);
    }
    coalescer.end("a");
    coalescer.end("b");
    const of = (id: string) => sent.filter((d) => d.nodeId === id);
    expect(of("a").length).toBeLessThanOrEqual(21);
    expect(
      of("a")
        .map((d) => d.text)
        .join(""),
    ).toBe("x".repeat(1_000));
    expect(
      of("b")
        .map((d) => d.text)
        .join(""),
    ).toBe("y".repeat(1_000));
  });

  it("a higher attempt sends the previous one's pending text, then starts over; older pieces are dropped", () => {
    coalescer.append("a", 1, "one ");
    vi.advanceTimersByTime(50);
    coalescer.append("a", 1, "two ");
    coalescer.append("a", 2, "uno ");
    coalescer.append("a", 1, "late ");
    vi.advanceTimersByTime(100);
    expect(sent).toEqual([
      { nodeId: "a", attempt: 1, text: "one " },
      { nodeId: "a", attempt: 1, text: "two " },
      { nodeId: "a", attempt: 2, text: "uno " },
    ]);
  });

  it("end sends what is pending and drops anything later", () => {
    coalescer.append("a", 1, "first ");
    coalescer.append("a", 1, "pending");
    coalescer.end("a");
    coalescer.append("a", 1, " after");
    vi.advanceTimersByTime(100);
    expect(sent.map((d) => d.text)).toEqual(["first pending"]);
  });
});
