import { describe, expect, it } from "vitest";
import { parseTimestampText, ZTimestamp } from "./definition";

describe("timestamps as typed", () => {
  it.each([
    ["", 0],
    [" 2.5 ", 2.5],
    ["10", 10],
    ["50%", "50%"],
    ["12.5%", "12.5%"],
  ])("%j saves as %j, which the schema accepts", (text, saved) => {
    expect(parseTimestampText(text)).toEqual(saved);
    expect(ZTimestamp.safeParse(saved).success).toBe(true);
  });

  it.each(["-1", "abc", "5%%", "1e3", "%50"])("%j is refused by both", (text) => {
    expect(parseTimestampText(text)).toBeUndefined();
    expect(ZTimestamp.safeParse(text).success).toBe(false);
  });
});
