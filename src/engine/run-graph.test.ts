import { describe, expect, it } from "vitest";
import type { TGraph } from "./graph-schema";
import { runGraph } from "./run-graph";
import type { EngineHooks, ExecuteNode, NodeFinishEvent, RunGraphOptions } from "./run-types";
import { dag } from "./test-graph";

const wait = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

/** An executor that sleeps per node, records when each node started and ended, and how many ran at once. */
function timedExecutor(delays: Record<string, number> = {}, fail: Record<string, unknown> = {}) {
  const t0 = performance.now();
  const starts: Record<string, number> = {};
  const ends: Record<string, number> = {};
  const calls: string[] = [];
  let running = 0;
  let maxRunning = 0;
  const executeNode: ExecuteNode = async (node, connected, signal) => {
    calls.push(node.id);
    starts[node.id] = performance.now() - t0;
    maxRunning = Math.max(maxRunning, ++running);
    try {
      await wait(delays[node.id] ?? 0, signal);
      if (node.id in fail) throw fail[node.id];
    } finally {
      running--;
      ends[node.id] = performance.now() - t0;
    }
    const inputs = Object.values(connected).flat().join(",");
    return { outputs: { out: inputs ? `${node.id}(${inputs})` : node.id } };
  };
  return { executeNode, starts, ends, calls, maxRunning: () => maxRunning };
}

function run(graph: TGraph, executeNode: ExecuteNode, extra: Partial<RunGraphOptions> = {}) {
  return runGraph({ graph, scope: "FULL", executeNode, ...extra });
}

describe("runGraph scheduling", () => {
  it("starts each node when its own inputs are ready, not when a wave ends", async () => {
    // a1 → a2 and a1 → c; b runs alone and takes longest.
    const graph = dag(["a1", "a2", "b", "c"], [["a1", "a2"], ["a1", "c"]]);
    const ex = timedExecutor({ a1: 60, a2: 60, b: 250, c: 20 });
    const outcome = await run(graph, ex.executeNode);

    expect(outcome.status).toBe("COMPLETED");
    expect(ex.calls.slice(0, 2).sort()).toEqual(["a1", "b"]);
    for (const id of ["a2", "c"]) {
      expect(ex.starts[id]).toBeGreaterThanOrEqual(ex.ends.a1 - 1);
      expect(ex.starts[id] - ex.ends.a1).toBeLessThan(50);
      expect(ex.starts[id]).toBeLessThan(ex.ends.b - 100); // a wave scheduler would wait for b
    }
    expect(outcome.outputs).toEqual({ a1: { out: "a1" }, a2: { out: "a2(a1)" }, b: { out: "b" }, c: { out: "c(a1)" } });
  });

  it("passes connected values per input handle, in edge order", async () => {
    const graph: TGraph = {
      nodes: dag(["x", "y", "z"], []).nodes,
      edges: [
        { id: "e1", source: "y", sourceHandle: "out", target: "z", targetHandle: "many" },
        { id: "e2", source: "x", sourceHandle: "out", target: "z", targetHandle: "many" },
        { id: "e3", source: "x", sourceHandle: "missing", target: "z", targetHandle: "other" },
      ],
    };
    const seen: unknown[] = [];
    await run(graph, async (node, connected) => {
      if (node.id === "z") seen.push(connected);
      return { outputs: { out: node.id } };
    });
    expect(seen).toEqual([{ many: ["y", "x"], other: [undefined] }]);
  });

  it("never runs more than `concurrency` nodes at once", async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `n${i}`);
    const ex = timedExecutor(Object.fromEntries(ids.map((id) => [id, 15])));
    const outcome = await run(dag(ids, []), ex.executeNode, { concurrency: 3 });
    expect(outcome.status).toBe("COMPLETED");
    expect(ex.maxRunning()).toBe(3);
    expect(ex.calls).toHaveLength(12);
  });

  it("skips exactly the descendants of a failed node while an independent branch completes", async () => {
    // a → b → c, a → d, e → f, and g needs both b and f.
    const graph = dag(["a", "b", "c", "d", "e", "f", "g"], [["a", "b"], ["b", "c"], ["a", "d"], ["e", "f"], ["b", "g"], ["f", "g"]]);
    const ex = timedExecutor({ e: 30, f: 10 }, { a: new Error("boom") });
    const outcome = await run(graph, ex.executeNode);

    expect(outcome.status).toBe("FAILED");
    expect(outcome.error).toBe('node "a" failed: boom');
    expect(ex.calls.sort()).toEqual(["a", "e", "f"]);
    const statuses = Object.fromEntries(Object.entries(outcome.nodes).map(([id, n]) => [id, n.status]));
    expect(statuses).toEqual({ a: "FAILED", b: "SKIPPED", c: "SKIPPED", d: "SKIPPED", e: "SUCCESS", f: "SUCCESS", g: "SKIPPED" });
    expect(outcome.nodes.c.error).toBe('skipped: upstream "a" failed');
    expect(Object.keys(outcome.outputs).sort()).toEqual(["e", "f"]);
  });

  it("reports a readable message for a thrown non-Error", async () => {
    const outcome = await run(dag(["a"], []), () => Promise.reject("provider said no"));
    expect(outcome.nodes.a).toMatchObject({ status: "FAILED", error: "provider said no" });
  });

  it("fails the run without executing anything when the plan is impossible", async () => {
    const finished: string[] = [];
    const ex = timedExecutor();
    const outcome = await run(dag(["a"], []), ex.executeNode, {
      scope: "SINGLE",
      targetNodeIds: ["nope"],
      hooks: { onRunFinish: (e) => void finished.push(e.status) },
    });
    expect(outcome).toMatchObject({ status: "FAILED", error: 'no node with id "nope"', nodes: {} });
    expect(finished).toEqual(["FAILED"]);
    expect(ex.calls).toEqual([]);
  });
});

describe("runGraph cancel, timeout and retry", () => {
  it("resolves CANCELED promptly and aborts the in-flight signal, even if the executor ignores it", async () => {
    const controller = new AbortController();
    const signals: AbortSignal[] = [];
    const graph = dag(["slow", "after", "other"], [["slow", "after"]]);
    const executeNode: ExecuteNode = (node, _connected, signal) => {
      if (node.id === "other") return Promise.resolve({ outputs: {} });
      signals.push(signal);
      return new Promise(() => {}); // never settles, ignores the signal
    };
    setTimeout(() => controller.abort(), 30);
    const t0 = performance.now();
    const outcome = await run(graph, executeNode, { signal: controller.signal });

    expect(performance.now() - t0).toBeLessThan(500);
    expect(outcome.status).toBe("CANCELED");
    expect(signals).toHaveLength(1);
    expect(signals[0].aborted).toBe(true);
    expect(outcome.nodes.slow).toMatchObject({ status: "SKIPPED", error: "canceled" });
    expect(outcome.nodes.after).toMatchObject({ status: "SKIPPED", error: "canceled" });
    expect(outcome.nodes.other.status).toBe("SUCCESS");
  });

  it("cancels before anything runs when the signal is already aborted", async () => {
    const ex = timedExecutor();
    const outcome = await run(dag(["a", "b"], [["a", "b"]]), ex.executeNode, { signal: AbortSignal.abort() });
    expect(outcome.status).toBe("CANCELED");
    expect(ex.calls).toEqual([]);
  });

  it("fails a node that exceeds its timeout, aborting its signal, without retrying", async () => {
    let signal: AbortSignal | undefined;
    let calls = 0;
    const outcome = await run(dag(["hang"], []), (_node, _connected, s) => {
      calls++;
      signal = s;
      return new Promise(() => {});
    }, { nodeTimeoutMs: 40 });
    expect(outcome.nodes.hang).toMatchObject({ status: "FAILED", error: "timed out after 40 ms", attempts: 1 });
    expect(signal?.aborted).toBe(true);
    expect(calls).toBe(1);
  });

  it("retries a transient error, honouring retryAfterMs, then succeeds", async () => {
    const attempts: number[] = [];
    const logs: string[] = [];
    const starts: number[] = [];
    const outcome = await run(dag(["llm"], []), async (_node, _connected, _signal, attempt) => {
      attempts.push(attempt);
      if (attempt === 1) throw Object.assign(new Error("rate limited"), { status: 429, retryAfterMs: 20 });
      return { outputs: { out: "ok" } };
    }, {
      hooks: { onLog: (e) => void logs.push(e.message), onNodeStart: (e) => void starts.push(e.attempt) },
    });
    expect(outcome.status).toBe("COMPLETED");
    expect(outcome.nodes.llm).toMatchObject({ status: "SUCCESS", attempts: 2 });
    expect(attempts).toEqual([1, 2]);
    expect(starts).toEqual([1, 2]);
    expect(logs).toContain('node "llm" attempt 1 failed: rate limited; retrying in 20 ms');
  });

  it("retries network errors with backoff up to maxAttempts, and fails non-transient errors at once", async () => {
    let flaky = 0;
    let bad = 0;
    const outcome = await run(dag(["flaky", "bad"], []), async (node) => {
      if (node.id === "flaky") {
        flaky++;
        throw new TypeError("fetch failed", { cause: Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }) });
      }
      bad++;
      throw Object.assign(new Error("invalid API key"), { status: 401 });
    }, { retry: { maxAttempts: 3, baseDelayMs: 2, maxDelayMs: 5 } });
    expect(outcome.nodes.flaky).toMatchObject({ status: "FAILED", error: "fetch failed", attempts: 3 });
    expect(outcome.nodes.bad).toMatchObject({ status: "FAILED", error: "invalid API key", attempts: 1 });
    expect([flaky, bad]).toEqual([3, 1]);
    expect(outcome.error).toMatch(/failed: .* \(and 1 more\)$/);
  });
});

describe("runGraph hooks", () => {
  it("calls start before finish for every node and onRunFinish last, after every hook settled", async () => {
    const events: string[] = [];
    let pending = 0;
    const slow = async (label: string) => {
      pending++;
      await wait(30);
      events.push(label);
      pending--;
    };
    const hooks: EngineHooks = {
      onNodeStart: (e) => slow(`start:${e.nodeId}`),
      onNodeFinish: (e) => slow(`finish:${e.nodeId}:${e.status}`),
      onRunFinish: (e) => {
        expect(pending).toBe(0);
        events.push(`run:${e.status}`);
      },
    };
    const graph = dag(["a", "b", "c", "d"], [["a", "b"], ["b", "c"], ["a", "d"]]);
    const ex = timedExecutor();
    const outcome = await run(graph, ex.executeNode, { hooks });

    expect(outcome.status).toBe("COMPLETED");
    expect(events.at(-1)).toBe("run:COMPLETED");
    expect(events).toHaveLength(9);
    for (const id of ["a", "b", "c", "d"]) {
      expect(events.indexOf(`start:${id}`)).toBeGreaterThanOrEqual(0);
      expect(events.indexOf(`start:${id}`)).toBeLessThan(events.indexOf(`finish:${id}:SUCCESS`));
    }
    // Slow hooks (30 ms each) do not hold back scheduling: c starts long before the four hooks
    // of a and b would have settled (120 ms).
    expect(ex.starts.c).toBeLessThan(60);
  });

  it("reports duration and timestamps from the injected clock", async () => {
    let clock = 1_000;
    const finishes: NodeFinishEvent[] = [];
    const outcome = await run(dag(["a"], []), async () => {
      clock += 250;
      return { outputs: { out: 1 }, meta: { tokens: 3 } };
    }, { now: () => clock, hooks: { onNodeFinish: (e) => void finishes.push(e) } });
    expect(finishes[0]).toMatchObject({
      status: "SUCCESS",
      cached: false,
      attempts: 1,
      durationMs: 250,
      meta: { tokens: 3 },
      startedAt: new Date(1_000),
      completedAt: new Date(1_250),
    });
    expect(finishes[0].cacheKey).toMatch(/^[0-9a-f]{64}$/);
    expect(outcome.durationMs).toBe(250);
  });

  it("logs readable lines for starts, successes, failures and the run", async () => {
    const logs: string[] = [];
    await run(dag(["ok", "bad"], []), async (node) => {
      if (node.id === "bad") throw new Error("no provider configured");
      return { outputs: {} };
    }, { hooks: { onLog: (e) => void logs.push(`${e.level} ${e.message}`) } });
    expect(logs[0]).toBe("info run started: 2 node(s), scope FULL");
    expect(logs).toEqual(expect.arrayContaining([
      'info node "ok" started',
      expect.stringMatching(/^info node "ok" succeeded in \d+ ms$/),
      'error node "bad" failed: no provider configured',
    ]));
    expect(logs.at(-1)).toMatch(/^error run failed in \d+ ms: node "bad" failed: no provider configured$/);
  });

  it("treats nonsense limits as their safe minimum", async () => {
    const ex = timedExecutor();
    const outcome = await run(dag(["a", "b"], [["a", "b"]]), ex.executeNode, { concurrency: Number.NaN, retry: { maxAttempts: Number.NaN } });
    expect(outcome.status).toBe("COMPLETED");
  });

  it("turns a failing hook into a FAILED run with its message", async () => {
    const outcome = await run(dag(["a"], []), timedExecutor().executeNode, {
      hooks: {
        onNodeStart: () => Promise.reject(new Error("database is down")),
      },
    });
    expect(outcome.status).toBe("FAILED");
    expect(outcome.error).toBe("hook onNodeStart failed: database is down");
    expect(outcome.nodes.a.status).toBe("SUCCESS");
  });
});
