import { describe, expect, it } from "vitest";
import { NodeTimeoutError } from "./errors";
import { DEFAULT_RETRY_POLICY, isTransientError, retryDelayMs } from "./retry";

const withFacts = (facts: object) => Object.assign(new Error("x"), facts);

describe("isTransientError", () => {
  it("retries rate limits, server errors, network errors and explicit retryable", () => {
    for (const facts of [{ status: 429 }, { statusCode: 503 }, { code: "ECONNRESET" }, { code: "UND_ERR_SOCKET" }, { retryable: true }, { isRetryable: true }]) {
      expect(isTransientError(withFacts(facts)), JSON.stringify(facts)).toBe(true);
    }
    expect(isTransientError(new TypeError("fetch failed", { cause: { code: "EAI_AGAIN" } }))).toBe(true);
  });

  it("does not retry client errors, timeouts, explicit retryable: false or plain errors", () => {
    for (const error of [withFacts({ status: 400 }), withFacts({ status: 503, retryable: false }), new NodeTimeoutError(10), new Error("x"), "boom", null]) {
      expect(isTransientError(error)).toBe(false);
    }
  });
});

describe("retryDelayMs", () => {
  it("honours retryAfterMs", () => {
    expect(retryDelayMs(withFacts({ retryAfterMs: 1234 }), 1, DEFAULT_RETRY_POLICY)).toBe(1234);
  });

  it("backs off exponentially with jitter, capped", () => {
    const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 300 };
    expect([1, 2, 3, 4].map((a) => retryDelayMs(new Error(), a, policy, () => 1))).toEqual([100, 200, 300, 300]);
    expect([1, 2, 3].map((a) => retryDelayMs(new Error(), a, policy, () => 0))).toEqual([50, 100, 150]);
  });
});
