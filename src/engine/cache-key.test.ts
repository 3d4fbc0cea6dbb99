import { describe, expect, it } from "vitest";
import { computeCacheKey, stableStringify } from "./cache-key";

describe("stableStringify", () => {
  it("sorts keys at every depth and otherwise follows JSON.stringify", () => {
    expect(stableStringify({ b: 1, a: { d: [1, undefined, "x"], c: null }, u: undefined })).toBe('{"a":{"c":null,"d":[1,null,"x"]},"b":1}');
    expect(stableStringify({ at: new Date(0), n: NaN })).toBe('{"at":"1970-01-01T00:00:00.000Z","n":null}');
  });

  it("throws on a cyclic value instead of looping", () => {
    const value: Record<string, unknown> = {};
    value.self = value;
    expect(() => stableStringify(value)).toThrow("cyclic");
    const shared = { k: 1 };
    expect(stableStringify([shared, shared])).toBe('[{"k":1},{"k":1}]');
  });
});

describe("computeCacheKey", () => {
  it("does not change when a node is renamed (its label is not a param)", () => {
    expect(computeCacheKey("crop", { x: 1, label: "Hero crop" }, {})).toBe(computeCacheKey("crop", { x: 1 }, {}));
  });

  it("ignores key order and changes with type, data or inputs", () => {
    const key = computeCacheKey("cropImage", { x_percent: 1, y_percent: 2 }, { image_url: ["u"] });
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(computeCacheKey("cropImage", { y_percent: 2, x_percent: 1 }, { image_url: ["u"] })).toBe(key);
    expect(computeCacheKey("cropImage", { x_percent: 1, y_percent: 3 }, { image_url: ["u"] })).not.toBe(key);
    expect(computeCacheKey("cropImage", { x_percent: 1, y_percent: 2 }, { image_url: ["v"] })).not.toBe(key);
    expect(computeCacheKey("extractFrame", { x_percent: 1, y_percent: 2 }, { image_url: ["u"] })).not.toBe(key);
  });
});
