import { describe, expect, it } from "vitest";
import { nodeStatusWord, skipNote, skipReasonOf } from "./node-status";

const skipped = (error: string | null, meta: Record<string, unknown> | null = null) => ({ status: "SKIPPED" as const, error, meta });
const names: Record<string, string> = { crop: "Crop Image" };
const nameOf = (id: string) => names[id] ?? id;

describe("node status words", () => {
  it("says canceled for a node a cancel stopped, from meta.skip or from an older row's error", () => {
    expect(nodeStatusWord(skipped("canceled", { skip: { reason: "canceled" } }))).toBe("canceled");
    expect(nodeStatusWord(skipped("canceled"))).toBe("canceled");
    expect(skipNote(skipped("canceled"), nameOf)).toEqual({ kind: "canceled", text: "Canceled: the run was canceled before this node finished." });
  });

  it("names the input that failed, never a bare 'an input node failed'", () => {
    const result = skipped('skipped: upstream "crop" failed', { skip: { reason: "input-failed", nodeId: "crop" } });
    expect(nodeStatusWord(result)).toBe("skipped");
    expect(skipNote(result, nameOf).text).toBe('Skipped: "Crop Image" failed before it, so this node had no input. Fix that node, then run again.');
    expect(skipReasonOf(skipped('skipped: upstream "crop" failed'))).toEqual({ reason: "input-failed", nodeId: "crop" });
  });

  it("gives a budget stop's own words: on the node that hit it, and on the nodes it kept from starting", () => {
    const here = skipped("the run's budget of 100 tokens is reached", { skip: { reason: "stopped", code: "BUDGET_EXCEEDED", here: true } });
    expect(skipNote(here, nameOf)).toEqual({ kind: "stopped", text: "Not run: the run's budget of 100 tokens is reached" });
    const later = skipped("skipped: the run's budget of 100 tokens is reached", { skip: { reason: "stopped", code: "BUDGET_EXCEEDED" } });
    expect(skipNote(later, nameOf)).toEqual({ kind: "skipped", text: "Skipped: the run's budget of 100 tokens is reached." });
  });

  it("keeps the other statuses' words and says when no reason was stored", () => {
    expect(nodeStatusWord({ status: "SUCCESS", error: null, meta: null, cached: true })).toBe("cached");
    expect(nodeStatusWord({ status: "FAILED", error: "boom", meta: null })).toBe("failed");
    expect(skipReasonOf({ status: "FAILED", error: "canceled", meta: null })).toBeNull();
    expect(skipNote(skipped(null), nameOf).text).toBe("Skipped: this run did not say why.");
  });
});
