import { describe, expect, it } from "vitest";
import { formatBytes } from "./format-bytes";

describe("formatBytes", () => {
  it("uses the largest unit that keeps a number ≥ 1, with at most one decimal", () => {
    expect(formatBytes(500 * 1024 * 1024)).toBe("500 MiB");
    expect(formatBytes(1536)).toBe("1.5 KiB");
    expect(formatBytes(1000)).toBe("1000 bytes");
  });
});
