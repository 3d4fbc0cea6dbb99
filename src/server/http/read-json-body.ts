/**
 * Reads a JSON request body with a size cap, a time limit and a nesting limit:
 * - a declared Content-Length over the cap is refused before reading, and a chunked body is
 *   cut off the moment it passes the cap (nothing past the cap is buffered);
 * - a body that has not fully arrived within `BODY_READ_TIMEOUT_MS` is a 408, so a client
 *   that never sends it cannot hold the request (Node's own limit is 5 minutes);
 * - the text is scanned, without recursion, before `JSON.parse`: nesting deeper than
 *   `MAX_JSON_DEPTH` and a `\u0000` in any string are refused, because what later walks the
 *   value (zod, `JSON.stringify` for a jsonb column) recurses, and PostgreSQL stores no NUL.
 */
import { AppError } from "./errors";

/** Levels of objects and arrays a body may nest (a workflow graph uses about 5). */
export const MAX_JSON_DEPTH = 64;
/** The whole body must arrive within this time (1 MiB in 30 s is 35 KB/s). */
export const BODY_READ_TIMEOUT_MS = 30_000;

export interface ReadJsonBodyOptions {
  maxBytes: number;
  timeoutMs?: number;
  maxDepth?: number;
}

export async function readJsonBody(req: Request, options: ReadJsonBodyOptions): Promise<unknown> {
  const { maxBytes, timeoutMs = BODY_READ_TIMEOUT_MS, maxDepth = MAX_JSON_DEPTH } = options;
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "send the body as JSON with Content-Type: application/json");
  }
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const text = await readTextCapped(req, maxBytes, timeoutMs);
  if (text.trim() === "") throw new AppError("INVALID_JSON", "the request body is empty; send a JSON object");
  assertJsonTextWithinLimits(text, maxDepth);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError("INVALID_JSON", `malformed JSON: ${(error as Error).message}`);
  }
}

async function readTextCapped(req: Request, maxBytes: number, timeoutMs: number): Promise<string> {
  if (!req.body) return "";
  const reader = req.body.getReader();
  let expired = false;
  // Canceling ends the pending read (it reports done); the 408 then goes out with Connection: close.
  const timer = setTimeout(() => {
    expired = true;
    reader.cancel().catch(() => undefined);
  }, timeoutMs);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (expired) throw timedOut(timeoutMs);
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  } finally {
    clearTimeout(timer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * One pass over the JSON text, outside strings counting brackets, inside them looking for a
 * `\u0000` escape (a raw NUL is malformed JSON, refused by `JSON.parse`). Malformed text passes
 * through to `JSON.parse`, which says what is wrong with it.
 */
export function assertJsonTextWithinLimits(text: string, maxDepth = MAX_JSON_DEPTH): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) {
        if (text.startsWith("u0000", i + 1)) {
          throw new AppError("BAD_REQUEST", "the JSON body holds a NUL character (\\u0000) in a string, which cannot be stored");
        }
        i++;
      } else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > maxDepth) {
        throw new AppError("BAD_REQUEST", `the JSON body nests objects and arrays deeper than ${maxDepth} levels`);
      }
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

function tooLarge(maxBytes: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `the request body is larger than ${maxBytes} bytes`);
}

function timedOut(timeoutMs: number): AppError {
  return new AppError("REQUEST_TIMEOUT", `the request body did not arrive within ${timeoutMs / 1000} s`, {
    headers: { connection: "close" },
  });
}
