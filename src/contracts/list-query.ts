/** Paging parameters shared by the list routes (query strings, so numbers are coerced). */
import { z } from "zod";

const limitMessage = "limit must be a whole number from 1 to 100";
export const ZLimit = z.coerce
  .number({ error: limitMessage })
  .int(limitMessage)
  .min(1, limitMessage)
  .max(100, limitMessage)
  .default(20);

const skipMessage = "skip must be a whole number from 0 to 100000";
export const ZSkip = z.coerce
  .number({ error: skipMessage })
  .int(skipMessage)
  .min(0, skipMessage)
  .max(100_000, skipMessage);

/**
 * An id in a path or query string. Galaxy's own ids are `createId()` (lowercase letters and
 * digits), but imported or Clerk ids may differ, so only what no id holds is refused: control
 * characters (a NUL reached PostgreSQL, which cannot store one, as a 500). A 400, not a 404.
 */
export function zId(message = "an id is 1 to 100 characters, none of them a control character") {
  return z.string({ error: message }).min(1, message).max(100, message).regex(/^\P{Cc}*$/u, message);
}
export const ZId = zId();

/** `{id}` of a path like `/api/workflows/{id}`. */
export const ZIdParams = z.object({ id: ZId });
