/**
 * One API request, for the log: it gets an id (the caller's `x-request-id` when that is a short
 * token, else a new UUID) that every line logged while answering it carries, the answer echoes
 * it in `x-request-id`, and one line records the answer's status and time.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { withLogContext } from "./log-context";
import { logger } from "./logger";

export const REQUEST_ID_HEADER = "x-request-id";

/** Letters, digits and `._:-`, at most 64: safe to echo in a header and to write in a log line. */
const SANE_REQUEST_ID = /^[\w.:-]{1,64}$/;

export function requestIdOf(req: Request): string {
  const incoming = req.headers.get(REQUEST_ID_HEADER)?.trim();
  return incoming && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * @example
 * export async function GET(req: NextRequest) {
 *   return withRequestScope(req, () => answer(req));
 * }
 */
export function withRequestScope(req: Request, answer: () => Promise<Response>): Promise<Response> {
  const reqId = requestIdOf(req);
  const started = performance.now();
  return withLogContext({ reqId }, async () => {
    const res = withHeader(await answer(), REQUEST_ID_HEADER, reqId);
    logger("http").info(
      {
        method: req.method,
        path: new URL(req.url).pathname,
        status: res.status,
        durationMs: Math.round(performance.now() - started),
      },
      "request answered",
    );
    return res;
  });
}

/** Some responses (`Response.redirect`, fetched ones) have immutable headers: those are copied. */
function withHeader(res: Response, name: string, value: string): Response {
  try {
    res.headers.set(name, value);
    return res;
  } catch {
    const copy = new Response(res.body, res);
    copy.headers.set(name, value);
    return copy;
  }
}
