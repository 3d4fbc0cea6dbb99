import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_BODY_BYTES, MAX_TEXT_FIELD_CHARS } from "@/contracts/limits";
import { formatSize, sizeAgainstLimit, textSizeProblem, utf8Bytes } from "./size-limits";

describe("size limits in words", () => {
  it("counts UTF-8 bytes as the wire does", () => {
    for (const text of ["", "abc", "é", "€", "😀", "a😀é€", "\ud800"]) expect(utf8Bytes(text)).toBe(new TextEncoder().encode(text).length);
  });

  it("formats sizes and keeps an excess distinguishable from its limit", () => {
    expect(formatSize(820)).toBe("820 bytes");
    expect(formatSize(12_500)).toBe("12.5 KB");
    expect(formatSize(1_100_000)).toBe("1.1 MB");
    expect(formatSize(DEFAULT_MAX_BODY_BYTES)).toBe("1 MB");
    expect(sizeAgainstLimit(1_100_000, DEFAULT_MAX_BODY_BYTES)).toEqual({ size: "1.1 MB", limit: "1 MB" });
    expect(sizeAgainstLimit(1_049_000, DEFAULT_MAX_BODY_BYTES)).toEqual({ size: "1.049 MB", limit: "1.0486 MB" });
  });

  it("says what keeps a text from being saved, and nothing for a text that fits", () => {
    expect(textSizeProblem("hello", DEFAULT_MAX_BODY_BYTES)).toBeNull();
    expect(textSizeProblem("x".repeat(1_000_000), DEFAULT_MAX_BODY_BYTES)).toBeNull();
    expect(textSizeProblem("x".repeat(1_100_000), DEFAULT_MAX_BODY_BYTES)).toBe("1.1 MB of text — the limit is 1 MB per workflow. Shorten it to save.");
    // Under the byte limit but over a field's characters.
    expect(textSizeProblem("x".repeat(MAX_TEXT_FIELD_CHARS + 20_000), DEFAULT_MAX_BODY_BYTES)).toBe("1,020,000 characters — the limit is 1,000,000 per text box. Shorten it to save.");
    // Multi-byte text reaches the byte limit with fewer characters.
    expect(textSizeProblem("€".repeat(400_000), DEFAULT_MAX_BODY_BYTES)).toBe("1.2 MB of text — the limit is 1 MB per workflow. Shorten it to save.");
    // A server configured with a smaller body limit is the one named.
    expect(textSizeProblem("x".repeat(600_000), 500_000)).toBe("600 KB of text — the limit is 500 KB per workflow. Shorten it to save.");
  });
});
