/**
 * How long a provider asked us to wait, in ms. Sources, most precise first:
 * `retry-after-ms` (OpenAI-style), `retry-after` (seconds or an HTTP date, RFC 9110),
 * and Gemini's `RetryInfo.retryDelay` ("13s", "0.5s") in the error body's details.
 */

type Headers = Record<string, string | undefined> | undefined;

function nonNegative(ms: number): number | undefined {
  return Number.isFinite(ms) ? Math.max(0, Math.round(ms)) : undefined;
}

/**
 * @example
 * parseRetryAfterHeader("7"); // 7000
 * parseRetryAfterHeader("Wed, 21 Oct 2026 07:28:00 GMT", Date.parse("Wed, 21 Oct 2026 07:27:30 GMT")); // 30000
 */
export function parseRetryAfterHeader(
  value: string | undefined,
  now: number = Date.now(),
): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return nonNegative(Number(text) * 1000);
  // Date.parse reads "-5" as a year: an HTTP date always names a day and month.
  if (!/[a-z]/i.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : nonNegative(date - now);
}

/** Gemini puts `{"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "13s"}` in `error.details`. */
function parseGoogleRetryDelay(data: unknown): number | undefined {
  if (!data || typeof data !== "object" || !("error" in data)) return undefined;
  const details: unknown = (data.error as { details?: unknown } | null)?.details;
  if (!Array.isArray(details)) return undefined;
  for (const detail of details) {
    const delay: unknown = (detail as { retryDelay?: unknown } | null)?.retryDelay;
    const match = typeof delay === "string" ? /^(\d+(?:\.\d+)?)s$/.exec(delay.trim()) : null;
    if (match) return nonNegative(Number(match[1]) * 1000);
  }
  return undefined;
}

export function retryAfterMsOf(
  headers: Headers,
  data?: unknown,
  now: number = Date.now(),
): number | undefined {
  const precise = headers?.["retry-after-ms"]?.trim();
  if (precise && /^\d+(\.\d+)?$/.test(precise)) return nonNegative(Number(precise));
  return parseRetryAfterHeader(headers?.["retry-after"], now) ?? parseGoogleRetryDelay(data);
}
