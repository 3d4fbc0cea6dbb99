import { describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client";
import { encodeNotice } from "./remote-notice";
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
