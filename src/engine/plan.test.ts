import { describe, expect, it } from "vitest";
import { EngineError } from "./errors";
import { planRun } from "./plan";
import { dag } from "./test-graph";

// x → a → b → c, y → b, and z off to the side.
const graph = dag(["x", "a", "b", "c", "y", "z"], [["x", "a"], ["a", "b"], ["b", "c"], ["y", "b"]]);

describe("planRun", () => {
  it("plans every node for a FULL run", () => {
    const plan = planRun(graph, "FULL");
    expect(plan.nodeIds).toEqual(["x", "a", "b", "c", "y", "z"]);
    expect(plan.targetIds).toEqual(plan.nodeIds);
  });

  it("plans targets plus their ancestors for a partial run", () => {
    const plan = planRun(graph, "PARTIAL", ["b", "z"]);
    expect(plan.nodeIds).toEqual(["x", "a", "b", "y", "z"]);
    expect(plan.targetIds).toEqual(["b", "z"]);
    expect(planRun(graph, "SINGLE", ["a"]).nodeIds).toEqual(["x", "a"]);
  });

  it("rejects a bad scope, an unknown target and a cycle", () => {
    expect(() => planRun(graph, "PARTIAL", [])).toThrow(EngineError);
    expect(() => planRun(graph, "SINGLE", ["a", "b"])).toThrow("a single-node run takes one target, got 2");
    expect(() => planRun(graph, "SINGLE", ["nope"])).toThrow('no node with id "nope"');
    const cyclic = dag(["p", "q", "r"], [["p", "q"], ["q", "p"], ["q", "r"]]);
    expect(() => planRun(cyclic, "FULL")).toThrow("cycle: p → q → p");
    expect(() => planRun(dag(["p", "q", "r"], [["p", "q"], ["q", "p"]]), "SINGLE", ["r"])).not.toThrow();
  });
});
