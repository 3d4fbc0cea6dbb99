import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "./sha256";

const nodeSha = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

describe("sha256Hex", () => {
  it("matches the standard test vectors", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("matches node:crypto on UTF-8 text of every length around the block edges", () => {
    for (let length = 0; length < 200; length++) {
      const text = "é😀a".repeat(length).slice(0, length);
      expect(sha256Hex(text), `length ${length}`).toBe(nodeSha(text));
    }
    const long = JSON.stringify({ text: "ünïcode ✓ ".repeat(5_000) });
    expect(sha256Hex(long)).toBe(nodeSha(long));
  });
});
