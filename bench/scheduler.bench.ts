/**
 * Scheduler overhead: a random 10,000-node DAG of no-op nodes, run end to end.
 * Prints µs per node (median of several runs); asserts nothing.
 *   npx tsx bench/scheduler.bench.ts
 */
import { runGraph } from "../src/engine/run-graph";
import type { EngineHooks, ExecuteNode } from "../src/engine/run-types";
import { dag } from "../src/engine/test-graph";

const NODES = 10_000;
const MAX_PARENTS = 3;
const RUNS = 7;

/** Deterministic PRNG (mulberry32), so every run of the bench sees the same graph. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomDag(n: number) {
  const random = prng(42);
  const ids = Array.from({ length: n }, (_, i) => `n${i}`);
  const links: [string, string][] = [];
  for (let i = 1; i < n; i++) {
    const parents = Math.floor(random() * (MAX_PARENTS + 1));
    const seen = new Set<number>();
    for (let p = 0; p < parents; p++) {
      // Mostly recent parents, so the graph is deep as well as wide.
      const j = Math.max(0, i - 1 - Math.floor(random() * Math.min(i, 200)));
      if (!seen.has(j)) links.push([ids[j], ids[i]]);
      seen.add(j);
    }
  }
  const graph = dag(ids, links);
  for (const node of graph.nodes) node.data = { text: node.id };
  return graph;
}

const NOOP_RESULT = { outputs: { out: "" } };
const executeNode: ExecuteNode = () => Promise.resolve(NOOP_RESULT);
const noopHooks: EngineHooks = { onNodeStart() {}, onNodeFinish() {}, onLog() {}, onRunFinish() {} };

async function measure(label: string, options: { concurrency?: number; hooks?: EngineHooks }) {
  const graph = randomDag(NODES);
  const samples: number[] = [];
  for (let r = 0; r < RUNS + 1; r++) {
    const t0 = performance.now();
    const outcome = await runGraph({ graph, scope: "FULL", executeNode, ...options });
    const elapsed = performance.now() - t0;
    if (outcome.status !== "COMPLETED") throw new Error(`bench run ended ${outcome.status}: ${outcome.error}`);
    if (r > 0) samples.push(elapsed); // the first run warms the JIT
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  const perNode = (median * 1000) / NODES;
  console.log(`${label.padEnd(40)} median ${median.toFixed(1).padStart(7)} ms  ${perNode.toFixed(2).padStart(6)} µs/node  (min ${samples[0].toFixed(1)} ms, max ${samples.at(-1)!.toFixed(1)} ms)`);
}

async function main() {
  const graph = randomDag(NODES);
  console.log(`random DAG: ${graph.nodes.length} nodes, ${graph.edges.length} edges; ${RUNS} runs each (after 1 warm-up)`);
  await measure("no hooks, concurrency 16", {});
  await measure("no hooks, concurrency 1000", { concurrency: 1000 });
  await measure("no-op hooks, concurrency 16", { hooks: noopHooks });
}

void main();
