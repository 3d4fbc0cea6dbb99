/**
 * Engine speed, build against build (issue 14): the figures of a run through the production
 * server, measured for two (or more) builds in the same sitting, alternating them round by round
 * so the machine's drift hits both alike; prints each figure's median per build and the ratio of
 * the last build to the first.
 *
 *   npx tsx --conditions=react-server bench/engine.bench.ts --db pglite --build /tmp/wt-base --build . [--rounds 3]
 *
 * Each `--build` is a checkout holding a production build (`npm run build` done; its own
 * node_modules). Per round and build, all on 127.0.0.1, with the LLM stub (`bench/soak-stub.ts`)
 * in a process of its own answering the model `soak` at once and `delay-200` after 200 ms:
 * - start: `npm start` on a fresh database (a new PGlite directory, or a new PostgreSQL database
 *   with `--db postgres`) until /api/health answers 200 ("fresh"); stopped, then started again on
 *   the same database ("warm");
 * - a user and an API token; 3 warm-up runs of each graph below (first-use loads stay out);
 * - latency: `--latency-runs` (30) runs of the text node alone, one after the other, each
 *   `POST /api/execute` with `wait: true` (answered 200 with the ended run): the median wall time;
 * - per node: `--chain-runs` (7) runs of text → 50 LLM (instant model): (median − the latency
 *   median) / 50;
 * - fan-out: `--fanout-runs` (10) runs of text → 10 LLM side by side, 200 ms each: the median;
 * - throughput: 10 clients, each sending text → 9 LLM with `wait: true` and the next as soon as
 *   the answer came, for 10 s: 2xx answers per second (other answers counted apart);
 * - memory: the RSS of the whole `npm start` process group right after the throughput load.
 * The stub streams one word per event, as a model does (an answer in the chain grows by a word a
 * node: ≈ 26 events per node on average); `--words-per-chunk 1000` sends each answer in one event,
 * to tell the cost of streaming from the rest (1be54fc did not stream).
 * A run that does not end COMPLETED stops the bench. The server's output goes to a log file.
 */
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildGraph } from "./graphs";
import {
  cleanUpOnSignals,
  dropDatabase,
  freshDataDir,
  freshDatabase,
  groupRss,
  median,
  removeDataDir,
  runAndWait,
  runMain,
  signUp,
  startServer,
  startStubProcess,
  stopGroup,
  type BenchDatabase,
} from "./server-kit";

const ROOT = resolve(import.meta.dirname, "..");
const CHAIN_LENGTH = 50;

const { values: opts } = parseArgs({
  options: {
    db: { type: "string", default: "pglite" },
    build: { type: "string", multiple: true, default: [] },
    rounds: { type: "string", default: "3" },
    "latency-runs": { type: "string", default: "30" },
    "chain-runs": { type: "string", default: "7" },
    "fanout-runs": { type: "string", default: "10" },
    "throughput-seconds": { type: "string", default: "10" },
    clients: { type: "string", default: "10" },
    "words-per-chunk": { type: "string", default: "1" },
    env: { type: "string", multiple: true, default: [] },
  },
});

function count(name: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} wants a positive integer (got ${raw})`);
  return n;
}
const DB = opts.db;
if (DB !== "pglite" && DB !== "postgres") throw new Error(`--db is pglite or postgres (got ${DB})`);
const BUILDS = (opts.build.length > 0 ? opts.build : ["."]).map((b) => resolve(b));
for (const build of BUILDS) {
  if (!existsSync(join(build, ".next", "BUILD_ID")))
    throw new Error(`${build} has no production build (.next/BUILD_ID): run npm run build there`);
}
const ROUNDS = count("rounds", opts.rounds);
const LATENCY_RUNS = count("latency-runs", opts["latency-runs"]);
const CHAIN_RUNS = count("chain-runs", opts["chain-runs"]);
const FANOUT_RUNS = count("fanout-runs", opts["fanout-runs"]);
const THROUGHPUT_S = count("throughput-seconds", opts["throughput-seconds"]);
const CLIENTS = count("clients", opts.clients);
const WORDS_PER_CHUNK = count("words-per-chunk", opts["words-per-chunk"]);
const EXTRA_ENV = Object.fromEntries(
  opts.env.map((pair) => {
    const at = pair.indexOf("=");
    if (at < 1) throw new Error(`--env wants KEY=VALUE (got ${pair})`);
    return [pair.slice(0, at), pair.slice(at + 1)];
  }),
);

const GRAPHS = {
  single: buildGraph("chain:0").graph,
  chain: buildGraph(`chain:${CHAIN_LENGTH}`).graph,
  fanout: buildGraph("fanout:10", { model: "delay-200" }).graph,
  throughput: buildGraph("chain:9").graph,
};

type Figure = "fresh start" | "warm start" | "latency" | "per node" | "fan-out" | "throughput" | "memory";
const FIGURES: { name: Figure; unit: string; better: "lower" | "higher" }[] = [
  { name: "latency", unit: "ms", better: "lower" },
  { name: "per node", unit: "ms", better: "lower" },
  { name: "throughput", unit: "runs/s", better: "higher" },
  { name: "fan-out", unit: "ms", better: "lower" },
  { name: "memory", unit: "MiB", better: "lower" },
  { name: "fresh start", unit: "s", better: "lower" },
  { name: "warm start", unit: "s", better: "lower" },
];
/** results[build][figure] = one value per round */
const results = new Map<string, Map<Figure, number[]>>(BUILDS.map((b) => [b, new Map()]));
const note = (build: string, figure: Figure, value: number) => {
  const byFigure = results.get(build)!;
  byFigure.set(figure, [...(byFigure.get(figure) ?? []), value]);
};

cleanUpOnSignals("engine bench");

async function medianOf(runs: number, once: () => Promise<number>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await once());
  return median(times);
}

/** Closed loop: `CLIENTS` clients, each sending the next run when its answer came. */
async function throughput(base: string, authorization: string): Promise<{ perSecond: number; other: number }> {
  const body = JSON.stringify({ ...GRAPHS.throughput, wait: true });
  const end = performance.now() + THROUGHPUT_S * 1000;
  let ok = 0;
  let other = 0;
  const client = async () => {
    while (performance.now() < end) {
      const res = await fetch(`${base}/api/execute`, {
        method: "POST",
        headers: { authorization, "content-type": "application/json" },
        body,
        signal: AbortSignal.timeout(120_000),
      }).catch(() => undefined);
      await res?.arrayBuffer().catch(() => undefined);
      if (res && res.status >= 200 && res.status < 300 && performance.now() <= end) ok++;
      else if (performance.now() <= end) other++;
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  return { perSecond: ok / THROUGHPUT_S, other };
}

async function measure(build: string, stubUrl: string, round: number): Promise<void> {
  const logFile = join(tmpdir(), `galaxy-engine-bench-${Date.now().toString(36)}.log`);
  let database: BenchDatabase;
  let dropIt: () => Promise<void> | void;
  if (DB === "postgres") {
    const fresh = await freshDatabase("galaxy_engine");
    database = { kind: "postgres", url: fresh.url };
    dropIt = () => dropDatabase(fresh.name);
  } else {
    const dataDir = freshDataDir("galaxy-engine");
    database = { kind: "pglite", dataDir };
    dropIt = () => removeDataDir(dataDir);
  }
  const start = () => startServer({ root: build, database, stubUrl, logFile, env: EXTRA_ENV });
  const fresh = await start();
  note(build, "fresh start", fresh.startMs / 1000);
  await stopGroup(fresh.group, 30_000);
  const server = await start();
  note(build, "warm start", server.startMs / 1000);
  const { base } = server;
  const authorization = await signUp(base);
  for (const graph of Object.values(GRAPHS))
    for (let i = 0; i < 3; i++) await runAndWait(base, authorization, graph);

  const latency = await medianOf(LATENCY_RUNS, () => runAndWait(base, authorization, GRAPHS.single));
  note(build, "latency", latency);
  const chain = await medianOf(CHAIN_RUNS, () => runAndWait(base, authorization, GRAPHS.chain));
  note(build, "per node", (chain - latency) / CHAIN_LENGTH);
  note(build, "fan-out", await medianOf(FANOUT_RUNS, () => runAndWait(base, authorization, GRAPHS.fanout)));
  const load = await throughput(base, authorization);
  note(build, "throughput", load.perSecond);
  note(build, "memory", groupRss(server.group.pgid).total / 1_048_576);
  await stopGroup(server.group, 30_000);
  await dropIt();
  const got = results.get(build)!;
  console.log(
    `  round ${round} ${build}: ${FIGURES.map((f) => `${f.name} ${got.get(f.name)!.at(-1)!.toFixed(f.unit === "s" ? 2 : 1)} ${f.unit}`).join(" · ")}${load.other ? ` · ${load.other} non-2xx answers under load` : ""} (log ${logFile})`,
  );
}

async function main() {
  const stub = await startStubProcess({ root: ROOT, delayMs: 0, args: ["--words-per-chunk", String(WORDS_PER_CHUNK)] });
  console.log(
    `engine bench: ${DB}, ${ROUNDS} rounds, ${WORDS_PER_CHUNK} word(s) per streamed event, builds ${BUILDS.map((b) => `${b} (${readFileSync(join(b, ".next", "BUILD_ID"), "utf8").trim()})`).join(", ")}, ${new Date().toISOString()}`,
  );
  for (let round = 1; round <= ROUNDS; round++) {
    // Alternate the order too: whichever goes first in a round is not always the same build.
    const order = round % 2 ? BUILDS : [...BUILDS].reverse();
    for (const build of order) await measure(build, stub.url, round);
  }
  const first = BUILDS[0];
  const last = BUILDS.at(-1)!;
  console.log(`\nmedians over ${ROUNDS} rounds (${DB}); ratio = ${last} / ${first}`);
  for (const figure of FIGURES) {
    const medians = BUILDS.map((b) => median(results.get(b)!.get(figure.name)!));
    const ratio = medians.at(-1)! / medians[0];
    const digits = figure.unit === "s" ? 2 : 1;
    console.log(
      `  ${figure.name.padEnd(12)} ${medians.map((m) => `${m.toFixed(digits)} ${figure.unit}`.padStart(14)).join("")}   ratio ${ratio.toFixed(2)}× (${figure.better} is better)`,
    );
  }
}

runMain("engine bench", main);
