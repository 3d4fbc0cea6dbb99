import { describe, expect, it } from "vitest";
import { z } from "zod";
import { jsonObject, pickWire } from "./wire";

const ZThing = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  endedAt: z.iso.datetime().nullable(),
  note: z.string().optional(),
});

describe("pickWire", () => {
  it("copies only the fields the schema names, dates as ISO strings", () => {
    const row = { id: "t1", at: new Date("2025-01-31T12:00:00Z"), endedAt: null, passwordHash: "secret" };
    const wire = pickWire(ZThing, row);
    expect(wire).toEqual({ id: "t1", at: "2025-01-31T12:00:00.000Z", endedAt: null });
    expect(ZThing.parse(wire)).toEqual(wire);
  });

  it("leaves out fields the row does not have (a live event before its timestamps exist)", () => {
    expect(pickWire(ZThing, { id: "t2", note: undefined })).toEqual({ id: "t2" });
    expect(Object.keys(pickWire(ZThing, { id: "t2", note: undefined }))).toEqual(["id"]);
  });
});

describe("jsonObject", () => {
  it("keeps objects and turns anything else into null", () => {
    expect(jsonObject({ text: "hi" })).toEqual({ text: "hi" });
    for (const value of [null, undefined, "x", 3, ["a"]]) expect(jsonObject(value)).toBeNull();
  });
});
