/**
 * Throughput: autocannon -c 10 -d 10 POSTing a 10-node chain (text + 9 LLM nodes, instant stub)
 * with "wait": true, so every 200 answer is a completed run. PostgreSQL, real HTTP server.
 *   npx tsx --conditions=react-server bench/throughput.bench.ts
 */
import autocannon from "autocannon";
import { chain, runAndWait, startBench, runMain } from "./bench-harness";

async function main() {
  const bench = await startBench({ stubDelayMs: 0 });
  try {
    const graph = chain(9);
    for (let i = 0; i < 5; i++) await runAndWait(bench, graph);
    const result = await autocannon({
      url: `${bench.url}/api/execute`,
      method: "POST",
      connections: 10,
      duration: 10,
      headers: { authorization: bench.authorization, "content-type": "application/json" },
      body: JSON.stringify({ ...graph, wait: true }),
    });
    const completed = result["2xx"];
    console.log(`throughput: 10-node chain, autocannon -c 10 -d 10, PostgreSQL, HTTP + wait:true`);
    console.log(`  completed runs ${completed} in ${result.duration} s = ${(completed / result.duration).toFixed(1)} runs/s (non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts})`);
    console.log(`  latency p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
    console.log(`  target ≥ 200 runs/s → ${completed / result.duration >= 200 ? "MET" : "MISSED"}; p99 ≤ 100 ms → ${result.latency.p99 <= 100 ? "MET" : "MISSED"}`);
  } finally {
    await bench.close();
  }
}

runMain(main);
