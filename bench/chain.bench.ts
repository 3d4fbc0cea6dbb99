/**
 * Chain: 100 LLM nodes in a line with an instant stub, every node persisted, through the real
 * HTTP API with "wait": true on PostgreSQL. Per-node overhead = (median of the 100-node run −
 * median of a 0-node run (the text node alone)) / 100.
 *   npx tsx --conditions=react-server bench/chain.bench.ts
 */
import { runGraph } from "../src/engine";
import { createExecuteNode } from "../src/nodes/execute-node";
import { serverNodeCatalogue } from "../src/nodes/server-catalogue";
import { chain, median, runAndWait, startBench, runMain } from "./bench-harness";

/** The same chain through the engine and the real LLM executor, with no database: what the model call itself costs. */
async function engineOnly(graph: ReturnType<typeof chain>): Promise<number> {
  const started = performance.now();
  const outcome = await runGraph({
    graph,
    scope: "FULL",
    executeNode: createExecuteNode(serverNodeCatalogue, { userId: "bench", runId: "bench", log: () => undefined }),
  });
  if (outcome.status !== "COMPLETED") throw new Error(`engine-only run ${outcome.status}: ${outcome.error}`);
  return performance.now() - started;
}

const RUNS = 9;
const N = 100;

async function main() {
  const bench = await startBench({ stubDelayMs: 0 });
  try {
    const long = chain(N);
    const empty = chain(0);
    for (let i = 0; i < 2; i++) {
      await runAndWait(bench, long);
      await runAndWait(bench, empty);
    }
    const longs: number[] = [];
    const empties: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      empties.push((await runAndWait(bench, empty)).ms);
      longs.push((await runAndWait(bench, long)).ms);
    }
    const bare: number[] = [];
    const bareEmpty: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      bareEmpty.push(await engineOnly(empty));
      bare.push(await engineOnly(long));
    }
    const perNode = (median(longs) - median(empties)) / N;
    const perNodeBare = (median(bare) - median(bareEmpty)) / N;
    console.log(`chain of ${N} LLM nodes (instant stub), ${RUNS} runs, PostgreSQL, HTTP + wait:true`);
    console.log(`  ${N}-node run median ${median(longs).toFixed(1)} ms; 0-node run median ${median(empties).toFixed(1)} ms`);
    console.log(`  per-node overhead ${perNode.toFixed(3)} ms (target ≤ 0.5 ms → ${perNode <= 0.5 ? "MET" : "MISSED"}); this includes the stub's HTTP round trip and the AI SDK call`);
    console.log(`  of which the model call alone (engine + LLM executor + stub, no database, no queue): ${perNodeBare.toFixed(3)} ms per node`);
    console.log(`  → Galaxy's own per-node cost (persistence, events, queue): ${(perNode - perNodeBare).toFixed(3)} ms`);
  } finally {
    await bench.close();
  }
}

runMain(main);
