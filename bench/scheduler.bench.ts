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

interface Figure {
  wallMs: number;
  cpuMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function sample(body: () => Promise<void>): Promise<Figure> {
  const samples: Figure[] = [];
  for (let r = 0; r < RUNS + 1; r++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await body();
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    if (r > 0) samples.push({ wallMs, cpuMs: (cpu.user + cpu.system) / 1000 }); // the first run warms the JIT
  }
  return { wallMs: median(samples.map((s) => s.wallMs)), cpuMs: median(samples.map((s) => s.cpuMs)) };
}

const perNode = (ms: number) => `${((ms * 1000) / NODES).toFixed(2).padStart(6)} µs/node`;

function print(label: string, figure: Figure, baseline?: Figure): void {
  const ratio = baseline ? `  ×${(figure.wallMs / baseline.wallMs).toFixed(1)} baseline` : "";
  console.log(`${label.padEnd(44)} wall ${perNode(figure.wallMs)}  cpu ${perNode(figure.cpuMs)}  (median ${figure.wallMs.toFixed(1)} ms)${ratio}`);
}

async function main() {
  const graph = randomDag(NODES);
  console.log(`random DAG: ${graph.nodes.length} nodes, ${graph.edges.length} edges; median of ${RUNS} runs each (after 1 warm-up)`);

  // Floors: awaiting the no-op executor once per node, one after another, with nothing else;
  // then the same with a fresh AbortController per node, which every node of a run needs.
  const shared = new AbortController().signal;
  print("floor: await a no-op executor per node", await sample(async () => {
    for (const node of graph.nodes) await executeNode(node, {}, shared, 1);
  }));
  const baseline = await sample(async () => {
    for (const node of graph.nodes) await executeNode(node, {}, new AbortController().signal, 1);
  });
  print("baseline: the same, with a signal per node", baseline);

  const scenarios: [string, { concurrency?: number; hooks?: EngineHooks }][] = [
    ["runGraph, no hooks, concurrency 16", {}],
    ["runGraph, no hooks, concurrency 1000", { concurrency: 1000 }],
    ["runGraph, no-op hooks, concurrency 16", { hooks: noopHooks }],
  ];
  for (const [label, options] of scenarios) {
    const figure = await sample(async () => {
      const outcome = await runGraph({ graph, scope: "FULL", executeNode, ...options });
      if (outcome.status !== "COMPLETED") throw new Error(`bench run ended ${outcome.status}: ${outcome.error}`);
    });
    print(label, figure, baseline);
  }
}

void main();
