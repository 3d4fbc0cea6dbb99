import { describe, expect, it } from "vitest";
import { readPercent } from "./percent-field";

describe("readPercent", () => {
  it("saves numbers from 0 to 100, and nothing for an empty field", () => {
    expect(readPercent("0")).toEqual({ ok: true, value: 0 });
    expect(readPercent("37.5")).toEqual({ ok: true, value: 37.5 });
    expect(readPercent("100")).toEqual({ ok: true, value: 100 });
    expect(readPercent(" ")).toEqual({ ok: true, value: undefined });
  });

  it("refuses values out of range or not numbers, saying the range", () => {
    expect(readPercent("150")).toEqual({ ok: false, problem: "0–100 only: 150 is not saved" });
    expect(readPercent("-5")).toEqual({ ok: false, problem: "0–100 only: -5 is not saved" });
    expect(readPercent("", true)).toEqual({ ok: false, problem: "Use a number from 0 to 100" });
  });
});
