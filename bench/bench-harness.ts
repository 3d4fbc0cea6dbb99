/**
 * Shared set-up of the run benchmarks: a fresh PostgreSQL database (BENCH_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres as the admin connection), the LLM stub on 127.0.0.1,
 * pg-boss with the inline worker, a user with an API token, and a real HTTP server on 127.0.0.1
 * that hands each request to Galaxy's route handlers (`POST /api/execute`, `GET /api/execute/{id}`)
 * — the same handlers `next start` serves, without Next's router in front of them.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Client } from "pg";
import { NextRequest } from "next/server";
import { POST as executeRoute } from "../src/app/api/execute/route";
import { openDatabase, type DatabaseHandle } from "../src/server/db/client";
import { useDatabase as installDatabase } from "../src/server/db";
import { resetEnvCache } from "../src/server/env";
import { stopEventBridge } from "../src/server/events/pg-event-bridge";
import { startQueue, stopQueue } from "../src/server/jobs/queue";
import { startRunWorker, stopRunWorker } from "../src/server/jobs/run-worker";
import { startLlmStub, type LlmStub } from "../tests/helpers/llm-stub-server";
import { createTestUser } from "../tests/helpers/test-user";

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface BenchEnv {
  url: string;
  stub: LlmStub;
  handle: DatabaseHandle;
  authorization: string;
  close(): Promise<void>;
}

export async function startBench(options: { stubDelayMs?: number; env?: Record<string, string> } = {}): Promise<BenchEnv> {
  const name = `galaxy_bench_${randomBytes(4).toString("hex")}`;
  await admin(`CREATE DATABASE ${name}`);
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: dbUrl.toString(), maxConnections: 10 });
  installDatabase(handle);
  const stub = await startLlmStub({ delayMs: options.stubDelayMs ?? 0, maxRecorded: 200 });
  resetEnvCache({
    DATABASE_URL: dbUrl.toString(),
    GALAXY_WORKER: "inline",
    OPENAI_COMPATIBLE_BASE_URL: `${stub.url}/v1`,
    TRIGGER_SECRET_KEY: "",
    TRIGGER_API_KEY: "",
    LOG_LEVEL: "warn",
    ...options.env,
  });
  const queue = await startQueue(handle);
  startRunWorker(queue);
  const { headers } = await createTestUser();
  const server = await serve();
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stub,
    handle,
    authorization: headers.authorization,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      await stopRunWorker();
      await stopQueue();
      await stopEventBridge();
      await stub.close();
      await handle.close();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

function serve(): Promise<Server> {
  const server = createServer(async (req, res) => {
    try {
      const body = await readBody(req);
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const request = new NextRequest(url, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body: body.length > 0 ? new Uint8Array(body) : undefined,
      });
      const response = url.pathname === "/api/execute" && req.method === "POST" ? await executeRoute(request, { params: Promise.resolve({}) }) : new Response("not found", { status: 404 });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      res.writeHead(500);
      res.end(String(error));
    }
  });
  server.keepAliveTimeout = 30_000;
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

async function admin(text: string): Promise<void> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

type Node = { id: string; type: string; position: { x: number; y: number }; data: Record<string, unknown> };
type Edge = { id: string; source: string; sourceHandle: string; target: string; targetHandle: string };

export const text = (id: string): Node => ({ id, type: "text", position: { x: 0, y: 0 }, data: { text: "hello" } });
export const llm = (id: string): Node => ({ id, type: "llm", position: { x: 0, y: 0 }, data: { provider: "openai-compatible", model: "bench", system_prompt: id } });
export const link = (source: string, sourceHandle: string, target: string): Edge => ({ id: `${source}->${target}`, source, sourceHandle, target, targetHandle: "user_message" });

/** text → llm-1 → … → llm-n */
export function chain(n: number): { nodes: Node[]; edges: Edge[] } {
  const nodes = [text("t")];
  const edges: Edge[] = [];
  for (let i = 1; i <= n; i++) {
    nodes.push(llm(`llm-${i}`));
    edges.push(link(i === 1 ? "t" : `llm-${i - 1}`, i === 1 ? "text" : "output", `llm-${i}`));
  }
  return { nodes, edges };
}

/** POST /api/execute with wait: true; returns the wall time in ms and the run. */
export async function runAndWait(bench: BenchEnv, graph: { nodes: Node[]; edges: Edge[] }): Promise<{ ms: number; run: { status: string; nodeResults: unknown[] } }> {
  const started = performance.now();
  const res = await fetch(`${bench.url}/api/execute`, {
    method: "POST",
    headers: { authorization: bench.authorization, "content-type": "application/json" },
    body: JSON.stringify({ ...graph, wait: true }),
  });
  const body = (await res.json()) as { run: { status: string; nodeResults: unknown[] } };
  const ms = performance.now() - started;
  if (res.status !== 200 || body.run.status !== "COMPLETED") throw new Error(`run did not complete: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  return { ms, run: body.run };
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Runs a benchmark's main, then exits: pg-boss and the pools would otherwise keep the process alive. */
export function runMain(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
