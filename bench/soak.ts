/**
 * Soak: the production server (`npm start`, i.e. `next start`) under a fixed, open-loop rate of
 * runs for a while — does it keep up (no growing backlog, POST p99 ≤ 1 s) with flat memory?
 *
 * It builds nothing: run `npm run build` first (it stops at once when `.next/BUILD_ID` is missing).
 * On a shared machine, hold the build lock so nobody rebuilds `.next` under the running server:
 *
 *   flock /tmp/galaxy-e2e.lock npx tsx --conditions=react-server bench/soak.ts --db pglite --rate 15 --duration 600
 *   flock /tmp/galaxy-e2e.lock npx tsx --conditions=react-server bench/soak.ts --db postgres --rate 15 --duration 600
 *   npm run bench:soak -- --db pglite --rate 5 --duration 45        (the same, as an npm script)
 *
 * What it does, all on 127.0.0.1:
 * - starts the LLM stub (`bench/soak-stub.ts`, a child process) answering every call after
 *   `--stub-delay` ms (default 50);
 * - starts `npm start -- -H 127.0.0.1 -p <free port>` as its own process group, with a fresh
 *   `GALAXY_DATA_DIR` (PGlite, `--db pglite`, the default) or `DATABASE_URL` at a fresh database it
 *   creates on the PostgreSQL of `BENCH_DATABASE_URL` (default postgres://postgres@127.0.0.1:5432/postgres;
 *   `--db postgres`), `OPENAI_COMPATIBLE_BASE_URL` at the stub, the inline worker, LOG_LEVEL=warn
 *   (the server's output goes to a log file, named at the end); `--env KEY=VALUE` adds variables;
 * - signs up a user (`POST /api/auth/sign-up`), makes an API token (`POST /api/tokens`), and warms
 *   the server with 3 runs awaited with `wait: true` (first-use module loads stay out of the figures);
 * - sends `POST /api/execute` (Bearer token, no `wait`) at `--rate` runs/s for `--duration` s on a
 *   timer, never waiting for answers (open loop; at most `--max-inflight` POSTs open at once, more
 *   are counted as "skipped"), with the graph `--graph` (default chain:2 = text → LLM → LLM);
 * - follows every run to its end by paging `GET /api/runs` (newest first, 100 a page) every
 *   `--poll` s, only back to the oldest run not yet ended — no per-run reads; a run's end-to-end
 *   latency is the server's `completedAt − createdAt` (queue wait: `startedAt − createdAt`);
 * - every `--every` s (default 15) prints: runs sent, completed, failed, backlog (sent − ended −
 *   POST errors, as of the start of a fresh poll; QUEUED / RUNNING among them), POST latency
 *   p50/p99 and run latency p50/p99 of that interval, the RSS of the whole `npm start` process
 *   group (VmRSS summed over its processes), CPU of the server group (and of the database's
 *   backends on PostgreSQL) in % of one core, the model calls the stub answered and the most it had
 *   open at once, the sender's worst lateness, the slowest poll, and the load average;
 * - after the sending phase waits up to `--drain` s for the backlog to end, then prints a summary
 *   line: rate, duration, database, backlog trend (the last sending interval's backlog against the
 *   first's: "growing" when it rose by more than max(5, one second of runs)), p99s, RSS at start
 *   and end, and "held": backlog not growing, POST p99 ≤ 1 s, no POST error or skipped send, no
 *   failed run and every run ended within the drain.
 *
 * Stops the server's process group and the stub on exit, Ctrl+C and errors; drops the database /
 * removes the data directory. Use short runs on a shared machine (e.g. --rate 5 --duration 45).
 */
import { existsSync, readFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { Client } from "pg";
import { buildGraph } from "./graphs";
import {
  ADMIN_URL,
  cleanUpOnSignals,
  cpuSeconds,
  freshDataDir,
  freshDatabase,
  groupPids,
  groupRss,
  mib,
  ms,
  percentile,
  runAndWait,
  runMain,
  signUp,
  sleep,
  startServer,
  startStubProcess,
} from "./server-kit";

const ROOT = resolve(import.meta.dirname, "..");
const PAGE = 100;
const MAX_PAGES_PER_POLL = 60;
const POST_TIMEOUT_MS = 30_000;
const READ_TIMEOUT_MS = 30_000;

// ---------- options ----------

const { values: opts } = (() => {
  try {
    return parseArgs({
      options: {
        db: { type: "string", default: "pglite" },
        rate: { type: "string", default: "5" },
        duration: { type: "string", default: "60" },
        graph: { type: "string", default: "chain:2" },
        "stub-delay": { type: "string", default: "50" },
        every: { type: "string", default: "15" },
        poll: { type: "string", default: "2" },
        drain: { type: "string", default: "60" },
        "max-inflight": { type: "string", default: "2000" },
        env: { type: "string", multiple: true, default: [] },
        help: { type: "boolean", default: false },
      },
    });
  } catch (error) {
    console.error(`soak: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
})();

const USAGE = `usage: npx tsx --conditions=react-server bench/soak.ts [--db pglite|postgres] [--rate runs/s] [--duration s]
       [--graph chain:N|fanout:N|file.json] [--stub-delay ms] [--every s] [--poll s] [--drain s] [--max-inflight n] [--env KEY=VALUE ...]
(npm run build first)`;

function fail(message: string): never {
  console.error(`soak: ${message}`);
  process.exit(2);
}

if (opts.help) {
  console.log(USAGE);
  process.exit(0);
}
const positive = (name: string, raw: string, max: number): number => {
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0 || n > max)
    fail(`--${name} must be a number above 0 and at most ${max} (got ${raw})\n${USAGE}`);
  return n;
};
const DB =
  opts.db === "postgres" || opts.db === "pglite"
    ? opts.db
    : fail(`--db must be pglite or postgres\n${USAGE}`);
const RATE = positive("rate", opts.rate, 1_000);
const DURATION_S = positive("duration", opts.duration, 24 * 3_600);
const STUB_DELAY_MS = opts["stub-delay"] === "0" ? 0 : positive("stub-delay", opts["stub-delay"], 600_000);
const EVERY_S = positive("every", opts.every, 3_600);
const POLL_S = positive("poll", opts.poll, 60);
const DRAIN_S = opts.drain === "0" ? 0 : positive("drain", opts.drain, 3_600);
const MAX_INFLIGHT = Math.floor(positive("max-inflight", opts["max-inflight"], 100_000));
const EXTRA_ENV = Object.fromEntries(
  opts.env.map((pair) => {
    const at = pair.indexOf("=");
    if (at < 1) fail(`--env wants KEY=VALUE (got ${pair})`);
    return [pair.slice(0, at), pair.slice(at + 1)];
  }),
);

// ---------- the stub's counts ----------

interface StubStats {
  calls: number;
  inFlight: number;
  maxInFlight: number;
}
const stubStats: StubStats = { calls: 0, inFlight: 0, maxInFlight: 0 };
let stubMaxSinceReport = 0;
const stubWaiters: (() => void)[] = [];
let database: string | undefined;
let stopping = false;
cleanUpOnSignals("soak", () => (stopping = true));

/** The stub's counts from its next stats line (a line already printed may predate the latest calls). */
async function freshStubStats(): Promise<StubStats> {
  await new Promise<void>((resolveNext) => {
    stubWaiters.push(resolveNext);
    setTimeout(resolveNext, 5_000);
  });
  return { ...stubStats };
}

function noteStubLine(line: string): void {
  try {
    const s = JSON.parse(line) as StubStats;
    Object.assign(stubStats, s);
    stubMaxSinceReport = Math.max(stubMaxSinceReport, s.maxInFlight);
    for (const wake of stubWaiters.splice(0)) wake();
  } catch {
    /* not a stats line */
  }
}

// ---------- the soak ----------

interface Tracked {
  /** 0-based order of sending. */
  seq: number;
  /** Date.now() when the POST was sent. */
  sentAt: number;
  /** The server's createdAt, once the run list has shown the run. */
  createdAt?: number;
}

interface Interval {
  postMs: number[];
  runMs: number[];
  queueMs: number[];
  /** The sender's worst lateness. */
  lagMs: number;
  /** The slowest poll of the run list. */
  pollMs: number;
}
const newInterval = (): Interval => ({ postMs: [], runMs: [], queueMs: [], lagMs: 0, pollMs: 0 });

const totals = { sent: 0, accepted: 0, postErrors: 0, skipped: 0, completed: 0, failed: 0, canceled: 0 };
const allPostMs: number[] = [];
const allRunMs: number[] = [];
const allQueueMs: number[] = [];
const postErrorKinds = new Map<string, number>();
/** Runs not seen ended yet, by id. */
const pending = new Map<string, Tracked>();
/** POSTs sent and not answered yet. */
const openPosts = new Set<{ seq: number; sentAt: number }>();
let interval = newInterval();
/**
 * What the latest poll saw: `backlog` counts the runs sent before it began that it did not see
 * end (so a poll that takes a while does not let the backlog drain while no new runs count).
 */
let lastPoll = { backlog: 0, queued: 0, running: 0 };

function noteEnd(id: string, run: RunListItem): void {
  pending.delete(id);
  if (run.status === "COMPLETED") totals.completed++;
  else if (run.status === "FAILED") totals.failed++;
  else totals.canceled++;
  const created = Date.parse(run.createdAt);
  if (run.completedAt) {
    const e2e = Date.parse(run.completedAt) - created;
    interval.runMs.push(e2e);
    allRunMs.push(e2e);
  }
  if (run.startedAt) {
    const wait = Date.parse(run.startedAt) - created;
    interval.queueMs.push(wait);
    allQueueMs.push(wait);
  }
}

async function sendOne(base: string, authorization: string, body: string): Promise<void> {
  const seq = totals.sent++;
  if (openPosts.size >= MAX_INFLIGHT) {
    totals.skipped++;
    return;
  }
  const post = { seq, sentAt: Date.now() };
  openPosts.add(post);
  const started = performance.now();
  try {
    const res = await fetch(`${base}/api/execute`, {
      method: "POST",
      headers: { authorization, "content-type": "application/json" },
      body,
      signal: AbortSignal.timeout(POST_TIMEOUT_MS),
    });
    const text = await res.text();
    const took = performance.now() - started;
    if (res.status !== 202) {
      totals.postErrors++;
      const kind = `${res.status} ${text.slice(0, 120)}`;
      postErrorKinds.set(kind, (postErrorKinds.get(kind) ?? 0) + 1);
      return;
    }
    interval.postMs.push(took);
    allPostMs.push(took);
    totals.accepted++;
    const { runId } = JSON.parse(text) as { runId: string };
    pending.set(runId, { seq, sentAt: post.sentAt });
  } catch (error) {
    totals.postErrors++;
    const kind = error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 120) : String(error);
    postErrorKinds.set(kind, (postErrorKinds.get(kind) ?? 0) + 1);
  } finally {
    openPosts.delete(post);
  }
}

/** Open loop: the i-th run goes out at t0 + i / rate, answered or not. */
async function sender(
  base: string,
  authorization: string,
  body: string,
  t0: number,
  total: number,
): Promise<void> {
  for (let i = 0; i < total && !stopping; i++) {
    const due = t0 + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    interval.lagMs = Math.max(interval.lagMs, performance.now() - due);
    void sendOne(base, authorization, body);
  }
}

interface RunListItem {
  id: string;
  status: string;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
}

/** Marks the runs that ended, and measures the backlog as of the poll's start. */
async function poll(base: string, authorization: string): Promise<void> {
  const sentBefore = totals.sent;
  const started = performance.now();
  const seen = { queued: 0, running: 0 };
  if (pending.size > 0) await pageRuns(base, authorization, seen);
  interval.pollMs = Math.max(interval.pollMs, performance.now() - started);
  let backlogAtStart = 0;
  for (const run of pending.values()) if (run.seq < sentBefore) backlogAtStart++;
  for (const post of openPosts) if (post.seq < sentBefore) backlogAtStart++;
  lastPoll = { backlog: backlogAtStart, ...seen };
}

/** Pages the run list (newest first) back to the oldest run not seen ended; marks the ended ones. */
async function pageRuns(
  base: string,
  authorization: string,
  seen: { queued: number; running: number },
): Promise<void> {
  // Until every run we wait for has been seen; as a bound, no further back than 2 s before the
  // oldest of them (its server time when known, else when we sent it). The first page holds about
  // as many runs as were sent since the oldest one we wait for, not always a full 100: each listed
  // run costs the server (its node results, the answer's validation).
  const toFind = new Set(pending.keys());
  let oldest = Infinity;
  let oldestSeq = Infinity;
  for (const run of pending.values()) {
    oldest = Math.min(oldest, run.createdAt ?? run.sentAt);
    oldestSeq = Math.min(oldestSeq, run.seq);
  }
  const threshold = oldest - 2_000;
  let limit = Math.min(PAGE, Math.max(10, totals.sent - oldestSeq + 5));
  let skip = 0;
  for (let page = 0; page < MAX_PAGES_PER_POLL; page++) {
    const res = await fetch(`${base}/api/runs?limit=${limit}&skip=${skip}`, {
      headers: { authorization },
      signal: AbortSignal.timeout(READ_TIMEOUT_MS),
    });
    if (!res.ok) throw new Error(`GET /api/runs: ${res.status} ${(await res.text()).slice(0, 200)}`);
    const { runs } = (await res.json()) as { runs: RunListItem[] };
    for (const run of runs) {
      toFind.delete(run.id);
      const tracked = pending.get(run.id);
      if (!tracked) continue;
      tracked.createdAt ??= Date.parse(run.createdAt);
      if (run.status === "COMPLETED" || run.status === "FAILED" || run.status === "CANCELED")
        noteEnd(run.id, run);
      else if (run.status === "QUEUED") seen.queued++;
      else seen.running++;
    }
    const last = runs.at(-1);
    if (toFind.size === 0 || runs.length < limit || !last || Date.parse(last.createdAt) < threshold) break;
    skip += runs.length;
    limit = PAGE;
    if (page === MAX_PAGES_PER_POLL - 1)
      console.error(
        `soak: the run list is more than ${skip} runs deep to the oldest one pending; counts lag`,
      );
  }
}

const backlog = () =>
  totals.sent - totals.skipped - totals.postErrors - totals.completed - totals.failed - totals.canceled;

interface Report {
  at: number;
  backlog: number;
  rss: number;
}

async function main() {
  if (!existsSync(join(ROOT, ".next", "BUILD_ID"))) {
    fail(
      `no production build (${join(ROOT, ".next", "BUILD_ID")} is missing): run \`npm run build\` first (on a shared machine: flock /tmp/galaxy-e2e.lock npm run build)`,
    );
  }
  let built: ReturnType<typeof buildGraph>;
  try {
    built = buildGraph(opts.graph);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const { graph, llmCalls, label } = built;
  const body = JSON.stringify(graph);
  const logFile = join(tmpdir(), `galaxy-soak-${Date.now().toString(36)}.log`);
  const buildId = readFileSync(join(ROOT, ".next", "BUILD_ID"), "utf8").trim();

  const stub = await startStubProcess({ root: ROOT, delayMs: STUB_DELAY_MS, onLine: noteStubLine });
  const server = await startServer({
    root: ROOT,
    database:
      DB === "postgres"
        ? { kind: "postgres", url: await freshDatabase("galaxy_soak").then((d) => ((database = d.name), d.url)) }
        : { kind: "pglite", dataDir: freshDataDir("galaxy-soak") },
    stubUrl: stub.url,
    logFile,
    env: EXTRA_ENV,
  });
  const startedRss = groupRss(server.group.pgid);
  console.log(
    `soak: ${DB}, ${RATE} runs/s for ${DURATION_S} s, graph ${label} (${llmCalls} model calls a run), stub delay ${STUB_DELAY_MS} ms`,
  );
  console.log(
    `  server ${server.base} (npm start, build ${buildId}, pgid ${server.group.pgid}), stub ${stub.url}, log ${logFile}`,
  );
  const authorization = await signUp(server.base);

  // Warm-up: the routes' and the LLM executor's first-use loads stay out of the figures.
  for (let i = 0; i < 3; i++) await runAndWait(server.base, authorization, graph, 90_000);
  const callsBefore = (await freshStubStats()).calls;
  const rssStart = groupRss(server.group.pgid);
  console.log(
    `  RSS after start ${mib(startedRss.total)} (${startedRss.processes} processes), after sign-up and 3 warm-up runs ${mib(rssStart.total)} (biggest process ${mib(rssStart.biggest)})`,
  );
  console.log(
    `  every ${EVERY_S} s: sent / completed / failed so far; backlog (queued, running); this interval's POST p50/p99, run p50/p99 (created → ended), queue wait p50; RSS; CPU % of a core; model calls (most open at once); sender lateness, slowest poll; load average`,
  );

  const total = Math.round(RATE * DURATION_S);
  const t0 = performance.now();
  const wallT0 = Date.now();
  const sending = sender(server.base, authorization, body, t0, total);

  let cpuServerPrev = cpuSeconds(groupPids(server.group.pgid));
  let cpuDbPrev = await dbCpu();
  let cpuPrevAt = performance.now();
  const reports: Report[] = [];
  let nextReport = t0 + EVERY_S * 1000;
  const sendEnd = t0 + DURATION_S * 1000;
  const drainEnd = sendEnd + DRAIN_S * 1000;

  const report = async (phase: string) => {
    const now = performance.now();
    const rss = groupRss(server.group.pgid);
    const serverCpu = cpuSeconds(groupPids(server.group.pgid));
    const db = await dbCpu();
    const span = (now - cpuPrevAt) / 1000;
    const cpu = `CPU server ${((100 * Math.max(0, serverCpu - cpuServerPrev)) / span).toFixed(0)} %${db === undefined || cpuDbPrev === undefined ? "" : `, db ${((100 * Math.max(0, db - cpuDbPrev)) / span).toFixed(0)} %`}`;
    cpuServerPrev = serverCpu;
    cpuDbPrev = db;
    cpuPrevAt = now;
    const i = interval;
    interval = newInterval();
    const b = lastPoll.backlog;
    reports.push({ at: (now - t0) / 1000, backlog: b, rss: rss.total });
    console.log(
      [
        `  ${phase} t=${((now - t0) / 1000).toFixed(0).padStart(4)} s`,
        `sent ${totals.sent}, completed ${totals.completed}, failed ${totals.failed + totals.canceled}${totals.postErrors ? `, POST errors ${totals.postErrors}` : ""}${totals.skipped ? `, skipped ${totals.skipped}` : ""}`,
        `backlog ${b} (${lastPoll.queued} queued, ${lastPoll.running} running${openPosts.size ? `, ${openPosts.size} POSTs open` : ""})`,
        `POST p50 ${ms(percentile(i.postMs, 50))} p99 ${ms(percentile(i.postMs, 99))}`,
        `run p50 ${ms(percentile(i.runMs, 50))} p99 ${ms(percentile(i.runMs, 99))} (queue wait p50 ${ms(percentile(i.queueMs, 50))})`,
        `RSS ${mib(rss.total)}`,
        cpu,
        `model calls ${stubStats.calls - callsBefore} (≤ ${stubMaxSinceReport} open)`,
        `sender lag ${ms(i.lagMs)}, poll ≤ ${ms(i.pollMs)}`,
        `load ${loadavg()[0].toFixed(1)}`,
      ].join(" · "),
    );
    stubMaxSinceReport = stubStats.inFlight;
  };

  // Follow the runs: poll every POLL_S, report every EVERY_S (after a fresh poll); the report at
  // the end of the sending phase takes the last slot.
  // Sleeps until the next poll, or to the first of `targets` (at once when one has passed).
  const untilNext = (...targets: number[]) => {
    const now = performance.now();
    return Math.max(10, Math.min(POLL_S * 1000, ...targets.map((t) => t - now)));
  };
  while (performance.now() < sendEnd) {
    if (stopping) return;
    if (performance.now() >= nextReport && nextReport < sendEnd - 1_000) {
      await poll(server.base, authorization);
      await report("    ");
      nextReport += EVERY_S * 1000;
      continue;
    }
    await poll(server.base, authorization);
    await sleep(untilNext(nextReport < sendEnd - 1_000 ? nextReport : Infinity, sendEnd));
  }
  await sending; // its last run was due 1/rate before sendEnd
  if (stopping) return;
  await poll(server.base, authorization);
  await report(" end");
  const backlogEndOfSending = lastPoll.backlog;
  const rssEndOfSending = reports.at(-1)!.rss;
  const sendingReports = [...reports];
  nextReport = performance.now() + EVERY_S * 1000;
  while (backlog() > 0 && performance.now() < drainEnd) {
    if (stopping) return;
    await sleep(untilNext(nextReport, drainEnd, performance.now() + 500));
    await poll(server.base, authorization);
    if (performance.now() >= nextReport) {
      await report("drain");
      nextReport += EVERY_S * 1000;
    }
  }
  await poll(server.base, authorization);
  const drainS = (performance.now() - sendEnd) / 1000;
  const rssEnd = groupRss(server.group.pgid);
  const unfinished = backlog();
  console.log(
    `  drain: ${unfinished === 0 ? `every run ended ${drainS.toFixed(1)} s after the last was sent` : `${unfinished} runs still not ended after ${drainS.toFixed(0)} s`}`,
  );

  // ---- summary ----
  const firstBacklog = reports[0]?.backlog ?? 0;
  const lastBacklog = backlogEndOfSending;
  const tolerance = Math.max(5, RATE);
  const growing = lastBacklog - firstBacklog > tolerance;
  const postP99 = percentile(allPostMs, 99);
  const runP99 = percentile(allRunMs, 99);
  const expectedCalls = llmCalls * (totals.completed + totals.failed + totals.canceled);
  const calls = (await freshStubStats()).calls - callsBefore;
  const checks = {
    "backlog not growing": !growing,
    "POST p99 ≤ 1 s": postP99 !== undefined && postP99 <= 1_000,
    "no POST error or skipped send": totals.postErrors === 0 && totals.skipped === 0,
    "no failed run": totals.failed + totals.canceled === 0,
    "every run ended": unfinished === 0,
  };
  const held = Object.values(checks).every(Boolean);
  if (postErrorKinds.size > 0)
    console.log(`  POST errors: ${[...postErrorKinds].map(([k, n]) => `${n} × ${k}`).join("; ")}`);
  const warnings = countLogLines(logFile);
  console.log(`  server log: ${warnings.warn} warn, ${warnings.error} error/fatal lines (${logFile})`);
  console.log(
    `  model calls ${calls} for ${totals.completed + totals.failed + totals.canceled} ended runs (${expectedCalls} expected${calls > expectedCalls ? `: ${calls - expectedCalls} extra` : ""}); backlog by interval: ${sendingReports.map((r) => r.backlog).join(", ")}; whole-run POST p50 ${ms(percentile(allPostMs, 50))}, run p50 ${ms(percentile(allRunMs, 50))}, queue wait p50 ${ms(percentile(allQueueMs, 50))} p99 ${ms(percentile(allQueueMs, 99))}`,
  );
  if (!held)
    console.log(
      `  not held: ${Object.entries(checks)
        .filter(([, ok]) => !ok)
        .map(([what]) => what)
        .join(", ")}`,
    );
  console.log(
    `SOAK rate ${RATE}/s · ${DURATION_S} s · ${DB} · graph ${opts.graph} · sent ${totals.sent}, completed ${totals.completed}, failed ${totals.failed + totals.canceled}, POST errors ${totals.postErrors} · backlog ${firstBacklog} → ${lastBacklog} (${growing ? "growing" : "flat"}) · POST p99 ${ms(postP99)} · run p99 ${ms(runP99)} · RSS ${mib(rssStart.total)} → ${mib(rssEndOfSending)} (reports ${mib(Math.min(...sendingReports.map((r) => r.rss)))}–${mib(Math.max(...sendingReports.map((r) => r.rss)))}, after drain ${mib(rssEnd.total)}) · held: ${held ? "yes" : "no"} · ${new Date(wallT0).toISOString()}`,
  );
}

/** CPU seconds of the PostgreSQL backends connected to our database (PostgreSQL only; same machine). */
async function dbCpu(): Promise<number | undefined> {
  if (!database) return undefined;
  const client = new Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = $1",
      [database],
    );
    return cpuSeconds(rows.map((r) => r.pid));
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function countLogLines(file: string): { warn: number; error: number } {
  let warn = 0;
  let error = 0;
  try {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      const level = /"level":\s*(\d+)/.exec(line)?.[1];
      if (level === "40") warn++;
      else if (level === "50" || level === "60") error++;
      else if (!level && /\b(error|Error)\b/.test(line)) error++;
    }
  } catch {
    /* no log */
  }
  return { warn, error };
}

runMain("soak", main, () => stopping);
