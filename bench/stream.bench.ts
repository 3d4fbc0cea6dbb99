/**
 * Streaming: how many `delta` events a second per node the run's SSE stream actually carries
 * when the model produces tokens faster than the cap (≈ 20/s), and the server-side latency
 * from the stub writing a chunk to the SSE event that carries it leaving the route (read from
 * the route's stream in the same process, on the same clock as the stub's send times) —
 * with the run executed in this process, then by a worker process (`npm run worker`) whose
 * deltas cross PostgreSQL NOTIFY. PostgreSQL, real AI SDK client, stub in this process.
 *   npx tsx --conditions=react-server bench/stream.bench.ts
 */
import type { ChildProcess } from "node:child_process";
import { stopRunWorker } from "../src/server/jobs/run-worker";
import { openRunEvents, type ReceivedEvent } from "../tests/helpers/run-event-client";
import { spawnWorkerProcess } from "../tests/helpers/worker-process";
import type { RecordedRequest } from "../tests/helpers/llm-stub-server";
import { median, runMain, startBench, text, type BenchEnv } from "./bench-harness";

const RUNS = 5;
const BRANCHES = 3;
const WORDS = 300;
/** Between chunks: ≈ 400 tokens a second per node, far above the cap. */
const CHUNK_DELAY_MS = 2;

const llm = (id: string) => ({
  id,
  type: "llm",
  position: { x: 0, y: 0 },
  data: { provider: "openai-compatible", model: "bench", system_prompt: id, user_message: "go" },
});

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

interface Measures {
  ratesPerNode: number[];
  chunksPerSecond: number[];
  firstToken: number[];
  everyChunk: number[];
  lastChunkOfEvent: number[];
}

/** For each chunk the stub wrote, the delta event that completed it (by text offsets). */
function measureNode(request: RecordedRequest, deltas: ReceivedEvent[], m: Measures): void {
  const ends: { end: number; at: number }[] = [];
  let offset = 0;
  for (const d of deltas) ends.push({ end: (offset += (d.data.text as string).length), at: d.at });
  let chunkEnd = 0;
  let k = 0;
  for (const [i, chunk] of request.chunks.entries()) {
    chunkEnd += chunk.text.length;
    while (k < ends.length && ends[k].end < chunkEnd) k++;
    if (k === ends.length) throw new Error("a chunk never arrived");
    const latency = ends[k].at - chunk.at;
    m.everyChunk.push(latency);
    if (i === 0) m.firstToken.push(latency);
    if (chunkEnd === ends[k].end) m.lastChunkOfEvent.push(latency);
  }
  const span = (deltas.at(-1)!.at - deltas[0].at) / 1000;
  if (deltas.length > 1) m.ratesPerNode.push((deltas.length - 1) / span);
  const sent = request.chunks;
  m.chunksPerSecond.push((sent.length - 1) / ((sent.at(-1)!.at - sent[0].at) / 1000));
}

async function measure(bench: BenchEnv, label: string): Promise<void> {
  const m: Measures = {
    ratesPerNode: [],
    chunksPerSecond: [],
    firstToken: [],
    everyChunk: [],
    lastChunkOfEvent: [],
  };
  const answer = Array.from({ length: WORDS }, (_, i) => `token${i}`).join(" ");
  // One warm-up run first (a fresh worker process compiles and connects on its first).
  for (let run = -1; run < RUNS; run++) {
    bench.stub.reset();
    // 300 ms before the first token, so the stream listens first.
    bench.stub.setBehavior(() => ({ text: answer, delayMs: 300, chunkDelayMs: CHUNK_DELAY_MS }));
    const nodes = [text("t"), ...Array.from({ length: BRANCHES }, (_, i) => llm(`llm-${i + 1}`))];
    const edges = nodes
      .slice(1)
      .map((n) => ({
        id: `t->${n.id}`,
        source: "t",
        sourceHandle: "text",
        target: n.id,
        targetHandle: "user_message",
      }));
    const res = await fetch(`${bench.url}/api/execute`, {
      method: "POST",
      headers: { authorization: bench.authorization, "content-type": "application/json" },
      body: JSON.stringify({ nodes, edges }),
    });
    const { runId } = (await res.json()) as { runId: string };
    const client = await openRunEvents(runId, { authorization: bench.authorization });
    await client.ended;
    const end = client.received.at(-1);
    if (end?.data.status !== "COMPLETED") throw new Error(`run ended ${JSON.stringify(end?.data)}`);
    if (run < 0) continue;
    for (const request of bench.stub.requests) {
      const nodeId = request.systemPrompt;
      const deltas = client.received.filter((e) => e.event === "delta" && e.data.nodeId === nodeId);
      if (deltas.map((d) => d.data.text).join("") !== answer)
        throw new Error(`${nodeId}: the deltas are not the answer`);
      measureNode(request, deltas, m);
    }
  }
  const f = (xs: number[]) => `median ${median(xs).toFixed(1)} ms, p95 ${percentile(xs, 95).toFixed(1)} ms`;
  console.log(`${label}: ${RUNS} runs × ${BRANCHES} LLM nodes streaming at once, ${WORDS} chunks each`);
  console.log(`  stub sent ${median(m.chunksPerSecond).toFixed(0)} chunks/s per node (median)`);
  console.log(
    `  delta events on the SSE stream: ${median(m.ratesPerNode).toFixed(1)} per second per node (median; max ${Math.max(...m.ratesPerNode).toFixed(1)}; cap ≈ 20)`,
  );
  console.log(`  stub chunk → SSE event, first token of each node: ${f(m.firstToken)}`);
  console.log(
    `  stub chunk → SSE event, every chunk (incl. ≤ 50 ms held for coalescing): ${f(m.everyChunk)}`,
  );
  console.log(
    `  stub chunk → SSE event, the chunk that completed each event (pipeline alone): ${f(m.lastChunkOfEvent)}`,
  );
}

function spawnWorker(bench: BenchEnv, databaseUrl: string): ChildProcess {
  return spawnWorkerProcess({ databaseUrl, stubUrl: bench.stub.url });
}

async function main() {
  const bench = await startBench();
  let worker: ChildProcess | undefined;
  try {
    await measure(bench, "in-process worker (PostgreSQL)");
    await stopRunWorker();
    worker = spawnWorker(bench, bench.handle.connectionString!);
    await measure(bench, "worker process → NOTIFY → this process's SSE (PostgreSQL)");
  } finally {
    // Let the worker close its connections before the bench drops the database.
    if (worker && worker.exitCode === null) {
      const exited = new Promise((resolve) => worker!.once("exit", resolve));
      worker.kill("SIGTERM");
      await exited;
    }
    await bench.close();
  }
}

runMain(main);
