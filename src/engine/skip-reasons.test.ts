import { describe, expect, it } from "vitest";
import { runGraph } from "./run-graph";
import type { ExecuteNode, NodeFinishEvent } from "./run-types";
import { RunStopError } from "./errors";
import { dag } from "./test-graph";

/** Runs `graph` and returns each node's final event by id. */
async function finishes(ids: string[], links: [string, string][], executeNode: ExecuteNode, signal?: AbortSignal) {
  const events: Record<string, NodeFinishEvent> = {};
  await runGraph({ graph: dag(ids, links), scope: "FULL", executeNode, signal, hooks: { onNodeFinish: (e) => void (events[e.nodeId] = e) } });
  return events;
}

describe("skip reasons", () => {
  it("names the node that failed on each node skipped below it", async () => {
    const events = await finishes(["a", "b", "c"], [["a", "b"], ["b", "c"]], (node) =>
      node.id === "a" ? Promise.reject(new Error("boom")) : Promise.resolve({ outputs: {} }),
    );
    expect(events.b).toMatchObject({ status: "SKIPPED", error: 'skipped: upstream "a" failed', meta: { skip: { reason: "input-failed", nodeId: "a" } } });
    expect(events.c.meta).toEqual({ skip: { reason: "input-failed", nodeId: "a" } });
  });

  it("names the failed node by the name people gave it, with its id", async () => {
    const graph = dag(["a", "b"], [["a", "b"]]);
    graph.nodes[0].data = { label: "Headline writer" };
    const events: Record<string, NodeFinishEvent> = {};
    const logs: string[] = [];
    await runGraph({
      graph,
      scope: "FULL",
      executeNode: (node) => (node.id === "a" ? Promise.reject(new Error("boom")) : Promise.resolve({ outputs: {} })),
      hooks: { onNodeFinish: (e) => void (events[e.nodeId] = e), onLog: (e) => void logs.push(e.message) },
    });
    expect(events.b.error).toBe('skipped: upstream "Headline writer" (a) failed');
    expect(logs).toContain('node "Headline writer" (a) failed: boom');
  });

  it("gives a cancel its own reason, on the node in flight and on those not started", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const events = await finishes(["slow", "after"], [["slow", "after"]], () => new Promise(() => {}), controller.signal);
    for (const id of ["slow", "after"]) expect(events[id]).toMatchObject({ status: "SKIPPED", error: "canceled", meta: { skip: { reason: "canceled" } } });
  });

  it("marks the node whose call hit a stop, and the nodes the stop kept from starting", async () => {
    const events = await finishes(["first", "second"], [["first", "second"]], (node) =>
      node.id === "first" ? Promise.reject(new RunStopError("BUDGET_EXCEEDED", "the budget is reached")) : Promise.resolve({ outputs: {} }),
    );
    expect(events.first).toMatchObject({ error: "the budget is reached", meta: { skip: { reason: "stopped", code: "BUDGET_EXCEEDED", here: true } } });
    expect(events.second).toMatchObject({ error: "skipped: the budget is reached", meta: { skip: { reason: "stopped", code: "BUDGET_EXCEEDED" } } });
  });
});
