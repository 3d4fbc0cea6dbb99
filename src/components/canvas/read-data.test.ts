import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readData } from "./read-data";

const ZData = z.looseObject({ text: z.string().max(5).optional(), n: z.number().min(0).optional() });

describe("readData", () => {
  it("returns valid data as parsed", () => {
    expect(readData(ZData, { text: "abc", n: 2 })).toEqual({ text: "abc", n: 2 });
  });

  it("keeps the valid fields when one is off", () => {
    expect(readData(ZData, { text: "abc", n: -1 })).toEqual({ text: "abc" });
  });

  it("still shows a text over its length limit", () => {
    expect(readData(ZData, { text: "too long", n: 1 })).toEqual({ text: "too long", n: 1 });
  });

  it("gives defaults for data that is not an object", () => {
    expect(readData(ZData, null)).toEqual({});
  });
});
