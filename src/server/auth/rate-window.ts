/**
 * The sliding-window estimate of a rate limit kept as two fixed windows (the current one and
 * the one before): the previous window's hits count in proportion to how much of it a window
 * ending now still covers. A burst at a window's edge therefore cannot get twice the limit.
 */

export interface WindowCounts {
  /** Hits in the current window, including the one being decided. */
  hits: number;
  /** Hits in the window before it. */
  prevHits: number;
  /** Seconds since the current window started. */
  elapsedSeconds: number;
  windowSeconds: number;
}

/** The estimated hits in the last `windowSeconds`. */
export function slidingCount(w: WindowCounts): number {
  return w.hits + w.prevHits * Math.max(0, 1 - w.elapsedSeconds / w.windowSeconds);
}

export function isWithinLimit(w: WindowCounts, limit: number): boolean {
  return slidingCount(w) <= limit + 1e-9;
}

/**
 * Whole seconds (at least 1) until one more hit would fit, when the one counted in `w.hits` did not.
 *
 * @example retryAfterSeconds({ hits: 6, prevHits: 0, elapsedSeconds: 60, windowSeconds: 900 }, 5) // 840 + 180 = 1020
 */
export function retryAfterSeconds(w: WindowCounts, limit: number): number {
  const before = w.hits - 1;
  const elapsed = Math.min(w.elapsedSeconds, w.windowSeconds);
  let wait: number;
  if (before + 1 <= limit && w.prevHits > 0) {
    // Fits in this window once enough of the previous one has slid out.
    const fraction = 1 - (limit - 1 - before) / w.prevHits;
    wait = fraction * w.windowSeconds - elapsed;
  } else {
    // This window is full: in the next one it becomes the previous window, and must slide out enough.
    const fraction = before > 0 ? Math.max(0, 1 - (limit - 1) / before) : 0;
    wait = w.windowSeconds - elapsed + fraction * w.windowSeconds;
  }
  return Math.max(1, Math.ceil(wait));
}
