import { describe, expect, it } from "vitest";
import { EngineError, NodeTimeoutError } from "./errors";
import { runGraph } from "./run-graph";
import type { EngineHooks, ExecuteNode, RunGraphOptions } from "./run-types";
import { dag } from "./test-graph";

/** Node `bad` throws `error`; every other node succeeds at once. */
function throwing(error: unknown): ExecuteNode {
  return async (node) => {
    if (node.id === "bad") throw error;
    return { outputs: { out: node.id } };
  };
}

function run(executeNode: ExecuteNode, extra: Partial<RunGraphOptions> = {}) {
  return runGraph({ graph: dag(["ok", "bad", "after"], [["bad", "after"]]), scope: "FULL", executeNode, retry: { baseDelayMs: 0 }, ...extra });
}

describe("runGraph errorStack: kept for unexpected errors only", () => {
  it("a programming error thrown by an executor fails the run with that node's stack", async () => {
    const outcome = await run(throwing(new TypeError("cannot read properties of undefined (reading 'url')")));
    expect(outcome.status).toBe("FAILED");
    expect(outcome.error).toBe(`node "bad" failed: cannot read properties of undefined (reading 'url')`);
    expect(outcome.errorStack).toMatch(/^node "bad": TypeError: cannot read properties of undefined \(reading 'url'\)\n\s+at /);
  });

  it("a node with a name is named as the canvas names it, with its id", async () => {
    const graph = dag(["ok", "bad"], []);
    graph.nodes[1]!.data = { ...graph.nodes[1]!.data, label: "Headline writer" };
    const outcome = await run(throwing(new Error("boom")), { graph });
    expect(outcome.error).toBe('node "Headline writer" (bad) failed: boom');
  });

  it.each([ReferenceError, RangeError, SyntaxError])("%o counts as a programming error too", async (Kind) => {
    const outcome = await run(throwing(new Kind("oops")));
    expect(outcome.errorStack).toContain(`${Kind.name}: oops`);
  });

  it("an engine internal error keeps its stack whatever was thrown", async () => {
    // A transient error whose retry delay cannot be read breaks the engine's retry step, outside any executor call.
    const broken = {
      message: "rate limited",
      retryable: true,
      get retryAfterMs(): number {
        throw new Error("no delay here");
      },
    };
    const outcome = await run(throwing(broken));
    expect(outcome.error).toBe(`node "bad" failed: internal error: no delay here`);
    expect(outcome.errorStack).toMatch(/^node "bad": Error: no delay here\n\s+at /);
  });

  it("a failed hook fails the run with the hook's stack", async () => {
    const hooks: EngineHooks = {
      onNodeFinish(event) {
        if (event.nodeId === "ok") throw new Error("could not write");
      },
    };
    const outcome = await run(throwing(new Error("unused")), { graph: dag(["ok"], []), hooks });
    expect(outcome.status).toBe("FAILED");
    expect(outcome.error).toBe("hook onNodeFinish failed: could not write");
    expect(outcome.errorStack).toMatch(/^Error: could not write\n\s+at /);
  });

  it("a plan that cannot be made is an expected failure; a bug while planning is not", async () => {
    const unknownTarget = await runGraph({ graph: dag(["a"], []), scope: "SINGLE", targetNodeIds: ["nope"], executeNode: throwing(null) });
    expect(unknownTarget.status).toBe("FAILED");
    expect(unknownTarget.errorStack).toBeUndefined();

    const broken = await runGraph({ graph: { nodes: null, edges: [] } as never, scope: "FULL", executeNode: throwing(null) });
    expect(broken.status).toBe("FAILED");
    expect(broken.errorStack).toMatch(/^TypeError: /);
  });

  it.each([
    ["a node's readable error", new Error("the input is a video, not an image: connect an image")],
    ["a model's 429 once retries are spent", Object.assign(new Error("rate limited"), { status: 429 })],
    ["a network failure (undici's TypeError: fetch failed)", new TypeError("fetch failed", { cause: { code: "ENOTFOUND" } })],
    ["an engine error", new EngineError("CANCELED", "canceled")],
    ["a thrown string", "nope"],
  ])("%s leaves no stack", async (_name, error) => {
    const outcome = await run(throwing(error), { retry: { maxAttempts: 2, baseDelayMs: 0 } });
    expect(outcome.status).toBe("FAILED");
    expect(outcome.errorStack).toBeUndefined();
  });

  it("a timeout leaves no stack", async () => {
    const hang: ExecuteNode = async (node, _connected, signal) => {
      if (node.id !== "bad") return { outputs: { out: node.id } };
      return new Promise((_resolve, reject) => signal.addEventListener("abort", () => reject(signal.reason)));
    };
    const outcome = await run(hang, { nodeTimeoutMs: 20 });
    expect(outcome.error).toContain(new NodeTimeoutError(20).message);
    expect(outcome.errorStack).toBeUndefined();
  });

  it("a canceled run keeps no stack, even after a programming error", async () => {
    const controller = new AbortController();
    const slow: ExecuteNode = async (node, _connected, signal) => {
      if (node.id === "bad") throw new TypeError("x is not a function");
      await new Promise((resolve) => signal.addEventListener("abort", resolve));
      throw signal.reason;
    };
    setTimeout(() => controller.abort(new EngineError("CANCELED", "canceled")), 30);
    const outcome = await run(slow, { signal: controller.signal });
    expect(outcome.status).toBe("CANCELED");
    expect(outcome.nodes.bad.status).toBe("FAILED");
    expect(outcome.errorStack).toBeUndefined();
  });
});
