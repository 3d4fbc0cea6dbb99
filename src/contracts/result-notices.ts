/**
 * `meta.notices` of a node result: every adjustment the node made to what it was asked for
 * (a crop box cut to fit the image, a frame time moved to the clip's last frame), in plain
 * words, so nothing changes silently. Absent when there was none.
 */
import { z } from "zod";

export const ZResultNotices = z.array(z.string()).meta({
  description: "adjustments the node made to its parameters, in plain words (e.g. \"frame at 4.97 s — the clip is 5.0 s long\")",
});

/** `{ notices }` to spread into a result's meta: nothing when there are none. */
export function noticesMeta(notices: readonly string[]): { notices?: string[] } {
  return notices.length > 0 ? { notices: [...notices] } : {};
}

/** The notices in a result's meta (an empty list when it has none or they are malformed). */
export function readNotices(meta: Record<string, unknown> | null | undefined): string[] {
  const parsed = ZResultNotices.safeParse(meta?.notices);
  return parsed.success ? parsed.data : [];
}
