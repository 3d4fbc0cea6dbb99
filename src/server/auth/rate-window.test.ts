import { describe, expect, it } from "vitest";
import { isWithinLimit, retryAfterSeconds, slidingCount } from "./rate-window";

const at = (hits: number, prevHits: number, elapsedSeconds: number, windowSeconds = 900) => ({ hits, prevHits, elapsedSeconds, windowSeconds });

describe("sliding window estimate", () => {
  it("counts this window's hits plus the part of the previous window still covered", () => {
    expect(slidingCount(at(2, 0, 100))).toBe(2);
    expect(slidingCount(at(2, 10, 450))).toBe(7);
    expect(slidingCount(at(2, 10, 900))).toBe(2);
  });

  it("allows up to the limit, including the hit being decided", () => {
    expect(isWithinLimit(at(5, 0, 10), 5)).toBe(true);
    expect(isWithinLimit(at(6, 0, 10), 5)).toBe(false);
    // A full previous window ending just now leaves no room at the start of this one.
    expect(isWithinLimit(at(1, 5, 1), 5)).toBe(false);
    expect(isWithinLimit(at(1, 5, 180), 5)).toBe(true);
  });
});

describe("retryAfterSeconds", () => {
  it("waits for the window's end and for enough of it to slide out when this window is full", () => {
    expect(retryAfterSeconds(at(6, 0, 60), 5)).toBe(840 + 180);
  });

  it("waits for the previous window to slide out when this one has room", () => {
    // 1 + 5 × (1 − f) ≤ 5 from f = 0.2, that is 180 s into the window.
    expect(retryAfterSeconds(at(1, 5, 30), 5)).toBe(150);
  });

  it("is at least one second", () => {
    expect(retryAfterSeconds(at(1, 5, 179.9), 5)).toBe(1);
  });

  it("agrees with isWithinLimit: one more hit fits after the wait, not just before it", () => {
    for (const [hits, prevHits, elapsed, limit] of [
      [6, 0, 60, 5],
      [1, 5, 30, 5],
      [31, 12, 200, 30],
      [3, 40, 10, 3],
    ]) {
      const wait = retryAfterSeconds(at(hits, prevHits, elapsed, 600), limit);
      const later = elapsed + wait;
      // After the wait: in this window, or (when it passed the end) the next with this window's hits as the previous ones.
      const counts = later < 600 ? at(hits, prevHits, later, 600) : at(1, hits - 1, later - 600, 600);
      expect(isWithinLimit(counts, limit)).toBe(true);
      const before = elapsed + wait - 1.5;
      const earlier = before < 600 ? at(hits, prevHits, before, 600) : at(1, hits - 1, before - 600, 600);
      expect(isWithinLimit(earlier, limit)).toBe(false);
    }
  });
});
