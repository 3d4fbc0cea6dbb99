/**
 * What the benchmarks that drive a real `npm start` share: process groups (started, measured from
 * /proc, stopped with every child), the LLM stub in a process of its own (`bench/soak-stub.ts`),
 * the server on a fresh PGlite directory or a fresh PostgreSQL database, a signed-up user's API
 * token, and the clean-up of all of it on exit or Ctrl+C.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { Client } from "pg";

export const HOST = "127.0.0.1";
export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const READ_TIMEOUT_MS = 30_000;
const CLK_TCK = 100; // Linux's USER_HZ on every architecture Node runs on

// ---------- small helpers ----------

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)));
export const mib = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MiB`;
export const ms = (x: number | undefined) =>
  x === undefined ? "–" : x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(0)} ms`;

export function percentile(values: number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

// ---------- /proc ----------

/** Pids of a process group, from /proc (Linux). */
export function groupPids(pgid: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProcStat(Number(entry));
    if (stat && stat.pgrp === pgid) pids.push(Number(entry));
  }
  return pids;
}

function readProcStat(pid: number): { pgrp: number; cpuTicks: number } | undefined {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, "utf8");
    // After the command name (in parentheses, which may hold spaces): state ppid pgrp … utime(14) stime(15)
    const fields = raw.slice(raw.lastIndexOf(")") + 2).split(" ");
    return { pgrp: Number(fields[2]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined; // gone meanwhile
  }
}

function rssBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** RSS summed over a process group, and its biggest process. */
export function groupRss(pgid: number): { total: number; biggest: number; processes: number } {
  let total = 0;
  let biggest = 0;
  const pids = groupPids(pgid);
  for (const pid of pids) {
    const rss = rssBytes(pid);
    total += rss;
    biggest = Math.max(biggest, rss);
  }
  return { total, biggest, processes: pids.length };
}

/** CPU seconds used so far by processes alive now (a process that ended takes its time with it). */
export function cpuSeconds(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) ticks += readProcStat(pid)?.cpuTicks ?? 0;
  return ticks / CLK_TCK;
}

// ---------- children, databases, data directories, and their clean-up ----------

export interface Group {
  name: string;
  child: ChildProcess;
  pgid: number;
}
const groups = new Set<Group>();
const databases = new Set<string>();
const dataDirs = new Set<string>();
let cleaning: Promise<void> | undefined;

export function spawnGroup(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; stdio: ("ignore" | "pipe" | "inherit" | number)[] },
): Group {
  // Its own process group (detached), so one signal reaches npm, sh, next and its workers.
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: options.stdio, detached: true });
  if (child.pid === undefined) throw new Error(`could not start ${name} (${command})`);
  const group = { name, child, pgid: child.pid };
  groups.add(group);
  return group;
}

function signalGroup(group: Group, signal: NodeJS.Signals): void {
  try {
    process.kill(-group.pgid, signal);
  } catch {
    /* the group is gone */
  }
}

export async function stopGroup(group: Group, graceMs: number): Promise<void> {
  signalGroup(group, "SIGTERM");
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && groupPids(group.pgid).length > 0) await sleep(100);
  if (groupPids(group.pgid).length > 0) {
    console.error(`${group.name} still running ${graceMs} ms after SIGTERM: SIGKILL`);
    signalGroup(group, "SIGKILL");
    for (let i = 0; i < 50 && groupPids(group.pgid).length > 0; i++) await sleep(100);
  }
  groups.delete(group);
}

export async function admin(sql: string): Promise<void> {
  const client = new Client({
    connectionString: ADMIN_URL,
    connectionTimeoutMillis: 10_000,
    statement_timeout: 60_000,
  });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database on the bench's PostgreSQL (dropped by cleanup()), as a connection URL. */
export async function freshDatabase(prefix: string): Promise<{ name: string; url: string }> {
  const url = new URL(ADMIN_URL);
  if (url.hostname !== HOST) throw new Error(`BENCH_DATABASE_URL must point at ${HOST} (got ${url.hostname})`);
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  await admin(`CREATE DATABASE ${name}`);
  databases.add(name);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

export async function dropDatabase(name: string): Promise<void> {
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  databases.delete(name);
}

/** A fresh, empty directory for PGlite (removed by cleanup()). */
export function freshDataDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  dataDirs.add(dir);
  return dir;
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  dataDirs.delete(dir);
}

/** Stops every group still running, drops every database, removes every directory; once. */
export function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    const started = performance.now();
    const done: string[] = [];
    for (const group of [...groups].reverse()) {
      await stopGroup(group, 15_000);
      done.push(`${group.name} stopped`);
    }
    for (const name of [...databases]) {
      await dropDatabase(name).then(
        () => done.push(`database ${name} dropped`),
        (error: unknown) => console.error(`could not drop database ${name}: ${String(error)}`),
      );
    }
    for (const dir of [...dataDirs]) {
      removeDataDir(dir);
      done.push(`${dir} removed`);
    }
    console.error(
      `  clean-up (${((performance.now() - started) / 1000).toFixed(1)} s): ${done.join(", ") || "nothing to do"}`,
    );
  })();
  return cleaning;
}

/**
 * Clean-up on Ctrl+C / SIGTERM / SIGHUP (then exit 130), and a last-resort SIGKILL of every group
 * when the process dies without it. `onStop` runs first (e.g. to stop sending).
 */
export function cleanUpOnSignals(tool: string, onStop: () => void = () => undefined): void {
  let stopping = false;
  process.on("exit", () => {
    for (const group of groups) signalGroup(group, "SIGKILL");
  });
  // Ctrl+C reaches this process twice (from the terminal, and relayed by tsx): the clean-up starts
  // at the first signal and later ones are ignored, or the second would kill it half-way.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      console.error(`\n${tool}: ${signal}: stopping the server and the stub`);
      stopping = true;
      onStop();
      void cleanup().finally(() => process.exit(130));
    });
  }
}

// ---------- the stub ----------

/**
 * Starts `bench/soak-stub.ts` in its own process group; every line it prints after its URL goes
 * to `onLine` (its stats lines).
 */
export async function startStubProcess(options: {
  root: string;
  delayMs: number;
  args?: string[];
  onLine?: (line: string) => void;
}): Promise<{ url: string; group: Group }> {
  const group = spawnGroup(
    "llm stub",
    process.execPath,
    [
      "--import",
      "tsx",
      "bench/soak-stub.ts",
      "--port",
      "0",
      "--host",
      HOST,
      "--delay",
      String(options.delayMs),
      ...(options.args ?? []),
    ],
    { cwd: options.root, env: { ...process.env, NODE_OPTIONS: "" }, stdio: ["pipe", "pipe", "inherit"] },
  );
  const lines = createInterface({ input: group.child.stdout! });
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error("the LLM stub did not start within 60 s")), 60_000);
    group.child.once("exit", (code) => reject(new Error(`the LLM stub exited (code ${code}) before it listened`)));
    lines.once("line", (line) => {
      clearTimeout(timer);
      resolveUrl(line.trim());
    });
  });
  if (options.onLine) lines.on("line", options.onLine);
  if (!url.startsWith(`http://${HOST}:`)) throw new Error(`the LLM stub printed ${url}, not a ${HOST} URL`);
  return { url, group };
}

// ---------- the server ----------

export type BenchDatabase = { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };

export interface StartedServer {
  base: string;
  group: Group;
  /** From spawning `npm start` to the first 200 of /api/health. */
  startMs: number;
}

/**
 * `npm start -- -H 127.0.0.1 -p <free port>` in `root` (a directory holding a production build),
 * on the given database, with the inline worker and every model provider pointed at the stub;
 * nothing of the caller's configuration leaks in. Resolves at the first 200 of /api/health.
 */
export async function startServer(options: {
  root: string;
  database: BenchDatabase;
  stubUrl: string;
  logFile: string;
  env?: Record<string, string>;
  /** Node options Node refuses in NODE_OPTIONS (e.g. --cpu-prof): then `next start` runs under `node <nodeArgs>` directly, as `npm start` would. */
  nodeArgs?: string[];
}): Promise<StartedServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NODE_OPTIONS: "",
    NEXT_TELEMETRY_DISABLED: "1",
    LOG_LEVEL: "warn",
    GALAXY_WORKER: "inline",
    OPENAI_COMPATIBLE_BASE_URL: `${options.stubUrl}/v1`,
    DATABASE_URL: options.database.kind === "postgres" ? options.database.url : "",
    TRIGGER_SECRET_KEY: "",
    TRIGGER_API_KEY: "",
    CLERK_SECRET_KEY: "",
    NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "",
    GOOGLE_GENERATIVE_AI_API_KEY: "",
    GROQ_API_KEY: "",
    GALAXY_DAILY_BUDGET_USD: "",
    GALAXY_RUN_RATE_LIMIT: "",
    GALAXY_PRICES_FILE: "",
    ...options.env,
  };
  // An empty GALAXY_DATA_DIR is refused by the configuration: set only for PGlite.
  if (options.database.kind === "pglite") env.GALAXY_DATA_DIR = options.database.dataDir;
  else delete env.GALAXY_DATA_DIR;
  const log = openSync(options.logFile, "a");
  const started = performance.now();
  const hostPort = ["-H", HOST, "-p", String(port)];
  const [command, args] = options.nodeArgs
    ? [process.execPath, [...options.nodeArgs, join(options.root, "node_modules/next/dist/bin/next"), "start", ...hostPort]]
    : ["npm", ["start", "--", ...hostPort]];
  if (options.nodeArgs) env.NEXT_MANUAL_SIG_HANDLE = "true"; // what `npm start` sets
  const group = spawnGroup("npm start", command, args, { cwd: options.root, env, stdio: ["ignore", log, log] });
  closeSync(log);
  const base = `http://${HOST}:${port}`;
  let exited: number | null | undefined;
  group.child.once("exit", (code) => (exited = code));
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (exited !== undefined)
      throw new Error(`npm start exited (code ${exited}) before answering; its log:\n${tail(options.logFile)}`);
    if (Date.now() > deadline)
      throw new Error(`${base}/api/health did not answer 200 within 180 s; the log:\n${tail(options.logFile)}`);
    const ok = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { base, group, startMs: performance.now() - started };
    await sleep(50);
  }
}

/** One `POST /api/execute` of `graph` with `wait: true`; its wall time in ms. Throws unless the run ended COMPLETED. */
export async function runAndWait(base: string, authorization: string, graph: object, timeoutMs = 120_000): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${base}/api/execute`, {
    method: "POST",
    headers: { authorization, "content-type": "application/json" },
    body: JSON.stringify({ ...graph, wait: true }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const answer = (await res.json()) as { run?: { status: string } };
  const took = performance.now() - started;
  if (res.status !== 200 || answer.run?.status !== "COMPLETED")
    throw new Error(`a run did not complete: ${res.status} ${JSON.stringify(answer).slice(0, 400)}`);
  return took;
}

/**
 * Runs a bench's `main`, then cleans up and exits: 0, or 1 with the error printed — or 130 when
 * `stopped()` says a signal stopped it (requests then fail: that is no error of the bench).
 */
export function runMain(tool: string, main: () => Promise<void>, stopped: () => boolean = () => false): void {
  main()
    .then(
      () => cleanup().then(() => process.exit(stopped() ? 130 : 0)),
      (error: unknown) => {
        if (!stopped()) console.error(`${tool}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return cleanup().then(() => process.exit(stopped() ? 130 : 1));
      },
    )
    .catch(() => process.exit(1));
}

/** Signs a new user up and makes an API token: the `authorization` header value. */
export async function signUp(base: string): Promise<string> {
  const headers = { "content-type": "application/json", origin: base };
  const email = `bench-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}@example.com`;
  const res = await fetch(`${base}/api/auth/sign-up`, {
    method: "POST",
    headers,
    body: JSON.stringify({ email, password: "correct horse battery", name: "Bench" }),
    signal: AbortSignal.timeout(READ_TIMEOUT_MS),
  });
  if (!res.ok) throw new Error(`sign-up: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const created = await fetch(`${base}/api/tokens`, {
    method: "POST",
    headers: { ...headers, cookie },
    body: JSON.stringify({ name: "bench" }),
    signal: AbortSignal.timeout(READ_TIMEOUT_MS),
  });
  if (created.status !== 201) throw new Error(`POST /api/tokens: ${created.status} ${await created.text()}`);
  const { token } = (await created.json()) as { token: string };
  return `Bearer ${token}`;
}
