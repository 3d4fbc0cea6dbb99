import { describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client";
import { MAX_DELTA_PAYLOAD_BYTES, encodeDeltaNotices, encodeNotice } from "./remote-notice";
import { processOrigin } from "./run-events";

const postgres = { kind: "postgres" } as DatabaseHandle;
const pglite = { kind: "pglite" } as DatabaseHandle;

describe("encodeNotice", () => {
  it("stamps the origin process; nothing to send on PGlite", () => {
    expect(JSON.parse(encodeNotice(postgres, { r: "run1", run: 1 })!)).toEqual({ o: processOrigin(), r: "run1", run: 1 });
    expect(encodeNotice(pglite, { r: "run1", run: 1 })).toBeNull();
  });

  it("past the byte budget, asks listeners to re-read every node instead of listing transitions", () => {
    // Multi-byte node ids: the cap counts bytes, not characters.
    const n = Array.from({ length: 400 }, (_, i) => ({ i: `nœud-é-${i}`, s: "SUCCESS" as const }));
    const payload = encodeNotice(postgres, { r: "run1", n: n.slice(0, 100) })!;
    expect(JSON.parse(payload).n).toHaveLength(100);
    const capped = encodeNotice(postgres, { r: "run1", n })!;
    expect(JSON.parse(capped)).toEqual({ o: processOrigin(), r: "run1", nAll: 1 });
  });
});

describe("encodeDeltaNotices", () => {
  const pieces = (payloads: string[]) => payloads.map((p) => JSON.parse(p) as { o: string; r: string; d: { i: string; a: number; s: number; t: string } });

  it("one notice for a delta that fits, none on PGlite", () => {
    const payloads = encodeDeltaNotices(postgres, "run1", { nodeId: "llm", attempt: 2, text: "Hello" }, 7);
    expect(pieces(payloads)).toEqual([{ o: processOrigin(), r: "run1", d: { i: "llm", a: 2, s: 7, t: "Hello" } }]);
    expect(encodeDeltaNotices(pglite, "run1", { nodeId: "llm", attempt: 1, text: "Hello" }, 0)).toEqual([]);
  });

  it("splits a large delta under the byte cap, in order, between code points, counting escaped bytes", () => {
    // Multi-byte letters, astral emoji (surrogate pairs), quotes and control characters (escaped longer).
    const text = Array.from({ length: 3_000 }, (_, i) => ["é", "😀", '"', "\n", "\u0001", "a", "漢"][i % 7] + String(i)).join("");
    const payloads = encodeDeltaNotices(postgres, "run1", { nodeId: "nœud", attempt: 1, text }, 10);
    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(MAX_DELTA_PAYLOAD_BYTES);
    const parsed = pieces(payloads);
    expect(parsed.map((p) => p.d.s)).toEqual(parsed.map((_, i) => 10 + i));
    expect(parsed.map((p) => p.d.t).join("")).toBe(text);
    // No piece starts or ends inside a surrogate pair.
    for (const { d } of parsed) expect(d.t).toBe(Array.from(d.t).join(""));
    for (const { d } of parsed) expect(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(d.t)).toBe(false);
  });

  it("identical pieces stay distinct (NOTIFY merges identical payloads of one transaction)", () => {
    const payloads = encodeDeltaNotices(postgres, "run1", { nodeId: "llm", attempt: 1, text: "a".repeat(30_000) }, 0);
    expect(new Set(payloads).size).toBe(payloads.length);
  });
});
