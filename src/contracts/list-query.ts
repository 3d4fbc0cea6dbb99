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

/** `{id}` of a path like `/api/workflows/{id}`. */
export const ZIdParams = z.object({ id: z.string().min(1).max(100) });
