import { describe, expect, it } from "vitest";
import { changedKeys, diffValues, jsonEqual } from "./value-diff";

describe("diffValues", () => {
  it("lists every key: same, changed, removed (a's order), then added", () => {
    expect(
      diffValues(
        { provider: "google", model: "a", temperature: 1 },
        { model: "b", provider: "google", maxTokens: 10 },
      ),
    ).toEqual([
      { key: "provider", kind: "same", value: "google" },
      { key: "model", kind: "changed", before: "a", after: "b" },
      { key: "temperature", kind: "removed", before: 1 },
      { key: "maxTokens", kind: "added", after: 10 },
    ]);
  });

  it("compares nested values deeply, whatever the key order", () => {
    expect(diffValues({ crop: { x: 1, y: 2 } }, { crop: { y: 2, x: 1 } })).toEqual([
      { key: "crop", kind: "same", value: { y: 2, x: 1 } },
    ]);
    expect(diffValues({ images: ["/api/files/1"] }, { images: ["/api/files/2"] })).toEqual([
      { key: "images", kind: "changed", before: ["/api/files/1"], after: ["/api/files/2"] },
    ]);
  });

  it("treats a missing side as empty and an undefined value as absent", () => {
    expect(diffValues(null, { text: "hi" })).toEqual([{ key: "text", kind: "added", after: "hi" }]);
    expect(diffValues({ text: "hi" }, undefined)).toEqual([{ key: "text", kind: "removed", before: "hi" }]);
    expect(diffValues({ a: undefined }, {})).toEqual([]);
    // null is a value: a key that became null changed.
    expect(diffValues({ a: 1 }, { a: null })).toEqual([
      { key: "a", kind: "changed", before: 1, after: null },
    ]);
  });

  it("changedKeys leaves out the equal ones", () => {
    expect(changedKeys({ a: 1, b: 2 }, { a: 1, b: 3 })).toEqual([
      { key: "b", kind: "changed", before: 2, after: 3 },
    ]);
    expect(changedKeys({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
  });
});

describe("jsonEqual", () => {
  it("is deep, order-insensitive for keys and order-sensitive for arrays", () => {
    expect(jsonEqual({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(jsonEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(jsonEqual([], {})).toBe(false);
    expect(jsonEqual(null, {})).toBe(false);
    expect(jsonEqual("1", 1)).toBe(false);
  });
});
