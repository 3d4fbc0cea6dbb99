import { describe, expect, it } from "vitest";
import type { TCompareNode, TCompareNodeSide } from "@/contracts/run-compare";
import { isNodeChanged, onlyIn } from "./node-change";

const side = (patch: Partial<TCompareNodeSide> = {}): TCompareNodeSide => ({
  status: "SUCCESS",
  params: {},
  inputs: null,
  outputs: null,
  error: null,
  cached: false,
  usage: null,
  durationMs: 10,
  ...patch,
});

const node = (patch: Partial<TCompareNode>): TCompareNode => ({
  nodeId: "n",
  label: "LLM",
  type: "llm",
  a: side(),
  b: side(),
  changed: { params: false, inputs: false, outputs: false },
  ...patch,
});

describe("isNodeChanged", () => {
  it("is false for a node that ran the same in both runs, whatever its timing", () => {
    expect(isNodeChanged(node({ b: side({ durationMs: 999 }) }))).toBe(false);
  });
  it("is true for a changed flag, a different ending, or one side only", () => {
    expect(isNodeChanged(node({ changed: { params: false, inputs: false, outputs: true } }))).toBe(true);
    expect(isNodeChanged(node({ b: side({ status: "FAILED" }) }))).toBe(true);
    expect(isNodeChanged(node({ b: null }))).toBe(true);
    expect(onlyIn(node({ b: null }))).toBe("only in run A");
    expect(onlyIn(node({ a: null }))).toBe("only in run B");
    expect(onlyIn(node({}))).toBeNull();
  });
});
