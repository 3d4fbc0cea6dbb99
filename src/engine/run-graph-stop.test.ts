import { describe, expect, it } from "vitest";
import { RunStopError, isRunStopError } from "./errors";
import { runGraph } from "./run-graph";
import type { ExecuteNode, NodeFinishEvent, RunGraphOptions } from "./run-types";
import { dag } from "./test-graph";

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Records every call and every node's final report; `behave` may delay or throw per node. */
function recording(behave: (id: string, attempt: number) => Promise<void> | void = () => undefined) {
  const calls: string[] = [];
  const finished: Record<string, NodeFinishEvent> = {};
  const executeNode: ExecuteNode = async (node, _connected, _signal, attempt) => {
    calls.push(node.id);
    await behave(node.id, attempt);
    return { outputs: { out: node.id } };
  };
  const hooks: RunGraphOptions["hooks"] = { onNodeFinish: (event) => void (finished[event.nodeId] = event) };
  return { calls, finished, executeNode, hooks };
}

const budget = (message = "budget reached: 1,204 of 1,000 tokens used") => new RunStopError("BUDGET_EXCEEDED", message);

describe("stopping a run (RunStopError, stopSignal)", () => {
  it("an executor's RunStopError starts nothing more, lets calls in flight finish, and fails the run with its code", async () => {
    // root → c1…c6, c1 → d1; three slots: c1 and c2 are in flight when c3 stops the run.
    const graph = dag(["root", "c1", "c2", "c3", "c4", "c5", "c6", "d1"], [
      ["root", "c1"], ["root", "c2"], ["root", "c3"], ["root", "c4"], ["root", "c5"], ["root", "c6"], ["c1", "d1"],
    ]);
    const rec = recording(async (id) => {
      if (id === "c1" || id === "c2") await wait(40);
      if (id === "c3") throw budget();
    });
    const outcome = await runGraph({ graph, scope: "FULL", concurrency: 3, executeNode: rec.executeNode, hooks: rec.hooks });

    expect(outcome).toMatchObject({ status: "FAILED", errorCode: "BUDGET_EXCEEDED", error: "budget reached: 1,204 of 1,000 tokens used" });
    expect(rec.calls.sort()).toEqual(["c1", "c2", "c3", "root"]);
    // Paid work is kept: both calls in flight finished and were reported.
    expect(outcome.nodes.c1.status).toBe("SUCCESS");
    expect(outcome.nodes.c2.status).toBe("SUCCESS");
    expect(outcome.outputs).toMatchObject({ c1: { out: "c1" }, c2: { out: "c2" } });
    expect(rec.finished.c3).toMatchObject({ status: "SKIPPED", error: "budget reached: 1,204 of 1,000 tokens used", attempts: 1 });
    for (const id of ["c4", "c5", "c6", "d1"]) {
      expect(rec.finished[id]).toMatchObject({ status: "SKIPPED", error: "skipped: budget reached: 1,204 of 1,000 tokens used", attempts: 0 });
    }
  });

  it("a RunStopError is never retried", async () => {
    const rec = recording(() => {
      throw Object.assign(budget(), { status: 503, retryable: true });
    });
    const outcome = await runGraph({ graph: dag(["a"], []), scope: "FULL", executeNode: rec.executeNode, retry: { baseDelayMs: 1 } });
    expect(outcome.nodes.a).toMatchObject({ status: "SKIPPED", attempts: 1 });
    expect(rec.calls).toEqual(["a"]);
  });

  it("stopSignal: nodes not started end SKIPPED with its reason; a reason without a code gives STOPPED", async () => {
    const stop = new AbortController();
    const rec = recording(async (id) => {
      if (id === "a") {
        stop.abort(new Error("the operator said stop"));
        await wait(20);
      }
    });
    const outcome = await runGraph({ graph: dag(["a", "b", "c"], [["a", "b"], ["b", "c"]]), scope: "FULL", executeNode: rec.executeNode, hooks: rec.hooks, stopSignal: stop.signal });
    expect(outcome).toMatchObject({ status: "FAILED", errorCode: "STOPPED", error: "the operator said stop" });
    expect(outcome.nodes.a.status).toBe("SUCCESS");
    expect(rec.finished.b).toMatchObject({ status: "SKIPPED", error: "skipped: the operator said stop" });
    expect(rec.finished.c.status).toBe("SKIPPED");
    expect(rec.calls).toEqual(["a"]);
  });

  it("a stop that finds nothing left to start changes nothing", async () => {
    const stop = new AbortController();
    const rec = recording(async () => {
      await wait(1); // both nodes are in flight by now
      stop.abort(budget());
      await wait(10);
    });
    const outcome = await runGraph({ graph: dag(["a", "b"], []), scope: "FULL", executeNode: rec.executeNode, stopSignal: stop.signal });
    expect(outcome.status).toBe("COMPLETED");
    expect(outcome.errorCode).toBeUndefined();
    expect(outcome.error).toBeUndefined();
  });

  it("a stop signal aborted before the run starts runs nothing", async () => {
    const stop = new AbortController();
    stop.abort(budget("daily budget reached"));
    const rec = recording();
    const outcome = await runGraph({ graph: dag(["a", "b"], [["a", "b"]]), scope: "FULL", executeNode: rec.executeNode, stopSignal: stop.signal });
    expect(outcome).toMatchObject({ status: "FAILED", errorCode: "BUDGET_EXCEEDED", error: "daily budget reached" });
    expect(rec.calls).toEqual([]);
    expect(Object.values(outcome.nodes).map((n) => n.status)).toEqual(["SKIPPED", "SKIPPED"]);
  });

  it("a node waiting to retry starts no further attempt once the run is stopped", async () => {
    const rec = recording(async (id, attempt) => {
      if (id === "flaky" && attempt === 1) throw Object.assign(new Error("busy"), { status: 503 });
      if (id === "stopper") {
        await wait(10);
        throw budget();
      }
    });
    const outcome = await runGraph({
      graph: dag(["flaky", "stopper"], []),
      scope: "FULL",
      executeNode: rec.executeNode,
      hooks: rec.hooks,
      retry: { baseDelayMs: 60, maxDelayMs: 60 },
    });
    expect(rec.calls.filter((id) => id === "flaky")).toHaveLength(1);
    expect(rec.finished.flaky).toMatchObject({ status: "SKIPPED", error: "skipped: budget reached: 1,204 of 1,000 tokens used", attempts: 1 });
    expect(outcome).toMatchObject({ status: "FAILED", errorCode: "BUDGET_EXCEEDED" });
  });

  it("a node failure and a stop are both told; a cancel after a stop still ends CANCELED", async () => {
    const rec = recording(async (id) => {
      if (id === "bad") throw new Error("bad input");
      if (id === "stopper") {
        await wait(5);
        throw budget();
      }
    });
    const failed = await runGraph({ graph: dag(["bad", "stopper", "later"], [["stopper", "later"]]), scope: "FULL", executeNode: rec.executeNode });
    expect(failed).toMatchObject({ status: "FAILED", errorCode: "BUDGET_EXCEEDED", error: 'budget reached: 1,204 of 1,000 tokens used; node "bad" failed: bad input' });

    const cancel = new AbortController();
    const canceled = await runGraph({
      graph: dag(["s", "slow"], []),
      scope: "FULL",
      signal: cancel.signal,
      executeNode: async (node) => {
        if (node.id === "s") throw budget();
        await wait(20);
        cancel.abort();
        await wait(20);
        return { outputs: {} };
      },
    });
    expect(canceled.status).toBe("CANCELED");
    expect(canceled.errorCode).toBeUndefined();
  });

  it("isRunStopError recognises a stop by its shape", () => {
    expect(isRunStopError(budget())).toBe(true);
    expect(isRunStopError({ stopsRun: true, code: "X", message: "m" })).toBe(true);
    expect(isRunStopError(new Error("x"))).toBe(false);
    expect(isRunStopError(null)).toBe(false);
  });
});
