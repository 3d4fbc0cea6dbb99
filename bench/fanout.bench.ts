/**
 * Fan-out: one text node feeding 10 independent LLM nodes whose stub answers after 200 ms,
 * through the real HTTP API with "wait": true on PostgreSQL. Prints the median wall time,
 * the fixed overhead (a run of the text node alone) and the target 1.15 × 200 ms + overhead.
 *   npx tsx --conditions=react-server bench/fanout.bench.ts
 */
import { link, llm, median, runAndWait, startBench, text, runMain } from "./bench-harness";

const RUNS = 9;
const DELAY = 200;

async function main() {
  const bench = await startBench({ stubDelayMs: DELAY });
  try {
    const fan = { nodes: [text("t"), ...Array.from({ length: 10 }, (_, i) => llm(`llm-${i + 1}`))], edges: Array.from({ length: 10 }, (_, i) => link("t", "text", `llm-${i + 1}`)) };
    const alone = { nodes: [text("t")], edges: [] };
    for (let i = 0; i < 3; i++) await runAndWait(bench, fan); // warm-up: imports, prepared statements
    const overhead: number[] = [];
    const walls: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      overhead.push((await runAndWait(bench, alone)).ms);
      walls.push((await runAndWait(bench, fan)).ms);
    }
    const wall = median(walls);
    const fixed = median(overhead);
    const target = 1.15 * DELAY + fixed;
    console.log(`fan-out 1 → 10 LLM (stub ${DELAY} ms), ${RUNS} runs, PostgreSQL, HTTP + wait:true`);
    console.log(`  wall median ${wall.toFixed(1)} ms (min ${Math.min(...walls).toFixed(1)}, max ${Math.max(...walls).toFixed(1)})`);
    console.log(`  fixed overhead (text node alone) median ${fixed.toFixed(1)} ms`);
    console.log(`  target ≤ 1.15 × ${DELAY} + ${fixed.toFixed(1)} = ${target.toFixed(1)} ms → ${wall <= target ? "MET" : "MISSED"}; wall − overhead = ${(wall - fixed).toFixed(1)} ms = ${((wall - fixed) / DELAY).toFixed(3)} × ${DELAY} ms`);
  } finally {
    await bench.close();
  }
}

runMain(main);
