import { describe, expect, it } from "vitest";
import { parseRetryAfterHeader, retryAfterMsOf } from "./parse-retry-after";

const NOW = Date.parse("2026-11-20T10:00:00Z");

describe("parseRetryAfterHeader", () => {
  it("reads delta-seconds", () => {
    expect(parseRetryAfterHeader("7", NOW)).toBe(7_000);
    expect(parseRetryAfterHeader(" 0 ", NOW)).toBe(0);
    expect(parseRetryAfterHeader("1.5", NOW)).toBe(1_500);
  });

  it("reads an HTTP date relative to now, never negative", () => {
    expect(parseRetryAfterHeader("Fri, 20 Nov 2026 10:00:30 GMT", NOW)).toBe(30_000);
    expect(parseRetryAfterHeader("Fri, 20 Nov 2026 09:59:00 GMT", NOW)).toBe(0);
  });

  it("ignores what it cannot read", () => {
    expect(parseRetryAfterHeader(undefined, NOW)).toBeUndefined();
    expect(parseRetryAfterHeader("", NOW)).toBeUndefined();
    expect(parseRetryAfterHeader("soon", NOW)).toBeUndefined();
    expect(parseRetryAfterHeader("-5", NOW)).toBeUndefined();
  });
});

describe("retryAfterMsOf", () => {
  it("prefers retry-after-ms over retry-after", () => {
    expect(retryAfterMsOf({ "retry-after-ms": "250", "retry-after": "9" }, undefined, NOW)).toBe(250);
    expect(retryAfterMsOf({ "retry-after": "9" }, undefined, NOW)).toBe(9_000);
  });

  it("falls back to Gemini's RetryInfo detail", () => {
    const data = {
      error: {
        code: 429,
        message: "Resource has been exhausted",
        status: "RESOURCE_EXHAUSTED",
        details: [{ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "13s" }],
      },
    };
    expect(retryAfterMsOf({}, data, NOW)).toBe(13_000);
  });

  it("is undefined when nothing says how long", () => {
    expect(retryAfterMsOf(undefined, undefined, NOW)).toBeUndefined();
    expect(retryAfterMsOf({}, { error: { message: "x" } }, NOW)).toBeUndefined();
  });
});
