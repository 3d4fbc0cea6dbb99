import { describe, expect, it } from "vitest";
import type { TGraph } from "./graph-schema";
import { runGraph } from "./run-graph";
import type { ExecuteNode, NodeFinishEvent, NodeOutputs, RunGraphOptions } from "./run-types";
import { dag, node } from "./test-graph";

/** Executes by echoing data and inputs; remembers successful results by (node, cache key), like NodeResult rows. */
function harness() {
  const store = new Map<string, NodeOutputs>();
  const executed: string[] = [];
  const started: string[] = [];
  const finished: NodeFinishEvent[] = [];
  const executeNode: ExecuteNode = async (n, connected) => {
    executed.push(n.id);
    return { outputs: { out: `${n.id}[${String(n.data.v ?? "")}](${Object.values(connected).flat().join(",")})` } };
  };
  const options = (graph: TGraph, extra: Partial<RunGraphOptions>): RunGraphOptions => ({
    graph,
    scope: "FULL",
    executeNode,
    lookupCached: async (nodeId, cacheKey) => store.get(`${nodeId}:${cacheKey}`),
    hooks: {
      onNodeStart: (e) => void started.push(e.nodeId),
      onNodeFinish: (e) => {
        finished.push(e);
        if (e.status === "SUCCESS" && e.outputs && e.cacheKey) store.set(`${e.nodeId}:${e.cacheKey}`, e.outputs);
      },
    },
    ...extra,
  });
  const reset = () => {
    executed.length = 0;
    started.length = 0;
    finished.length = 0;
  };
  return { store, executed, started, finished, options, reset };
}

/** a → b → c, plus d → c and an unrelated e. */
function graphWith(aValue: number): TGraph {
  const graph = dag(["a", "b", "c", "d", "e"], [["a", "b"], ["b", "c"], ["d", "c"]]);
  graph.nodes[0] = node("a", "text", { v: aValue });
  return graph;
}

describe("runGraph reuse", () => {
  it("a partial run reuses upstream results whose cache key matches and executes the targets", async () => {
    const h = harness();
    const full = await runGraph(h.options(graphWith(1), {}));
    expect(full.status).toBe("COMPLETED");
    expect(h.executed.sort()).toEqual(["a", "b", "c", "d", "e"]); // FULL never reuses
    h.reset();

    const partial = await runGraph(h.options(graphWith(1), { scope: "PARTIAL", targetNodeIds: ["c"] }));
    expect(partial.status).toBe("COMPLETED");
    expect(h.executed).toEqual(["c"]);
    expect(Object.keys(partial.nodes).sort()).toEqual(["a", "b", "c", "d"]); // e is outside the plan
    expect(partial.nodes.a).toMatchObject({ status: "SUCCESS", cached: true, attempts: 0 });
    expect(partial.nodes.c).toMatchObject({ status: "SUCCESS", cached: false, attempts: 1 });
    expect(partial.outputs.c).toEqual(full.outputs.c);
    expect(h.started).toEqual(["c"]); // reused nodes only finish, with cached: true
    expect(h.finished.filter((e) => e.cached).map((e) => e.nodeId).sort()).toEqual(["a", "b", "d"]);
  });

  it("executes an upstream node again when its data changed, and everything fed by it", async () => {
    const h = harness();
    await runGraph(h.options(graphWith(1), {}));
    h.reset();

    const partial = await runGraph(h.options(graphWith(2), { scope: "SINGLE", targetNodeIds: ["c"] }));
    expect(h.executed).toEqual(["a", "b", "c"]); // d's key still matches
    expect(partial.nodes.d.cached).toBe(true);
    expect(partial.outputs.c).toEqual({ out: "c[](b[](a[2]()),d[]())" });
  });

  it("executes upstream nodes when the lookup fails", async () => {
    const h = harness();
    const outcome = await runGraph(
      h.options(graphWith(1), { scope: "PARTIAL", targetNodeIds: ["b"], lookupCached: () => Promise.reject(new Error("db down")) }),
    );
    expect(outcome.status).toBe("COMPLETED");
    expect(h.executed).toEqual(["a", "b"]);
  });

  it("never re-executes nodes already completed in this run (resume)", async () => {
    const h = harness();
    const completed = new Map([["a", { outputs: { out: "a-from-before" }, cacheKey: "k" }]]);
    const outcome = await runGraph(h.options(graphWith(1), { completed }));
    expect(outcome.status).toBe("COMPLETED");
    expect(h.executed.sort()).toEqual(["b", "c", "d", "e"]);
    expect(outcome.outputs.b).toEqual({ out: "b[](a-from-before)" });
    expect(outcome.nodes.a).toMatchObject({ status: "SUCCESS", cacheKey: "k", cached: false });
    expect(h.finished.map((e) => e.nodeId)).not.toContain("a"); // already recorded before the crash
  });

  it("never re-executes a completed node that follows another completed node", async () => {
    const h = harness();
    const completed = new Map([
      ["a", { outputs: { out: "a0" }, cacheKey: "ka" }],
      ["b", { outputs: { out: "b0" }, cacheKey: "kb" }],
    ]);
    const outcome = await runGraph(h.options(graphWith(1), { completed }));
    expect(outcome.status).toBe("COMPLETED");
    expect(h.executed.sort()).toEqual(["c", "d", "e"]);
    expect(outcome.outputs.c).toEqual({ out: expect.stringContaining("b0") });
  });

  it("keeps completed nodes SUCCESS when a resumed run is canceled at once", async () => {
    const h = harness();
    const completed = new Map([["a", { outputs: { out: "x" }, cacheKey: "k" }]]);
    const outcome = await runGraph(h.options(graphWith(1), { completed, signal: AbortSignal.abort() }));
    expect(outcome.status).toBe("CANCELED");
    expect(outcome.nodes.a.status).toBe("SUCCESS");
    expect(outcome.nodes.b).toMatchObject({ status: "SKIPPED", error: "canceled" });
  });
});
