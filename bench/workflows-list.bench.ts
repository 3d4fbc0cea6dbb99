/**
 * `GET /api/workflows` with 1,000 workflows in the account (each with a run), on the
 * database of the current configuration (PGlite in a temporary directory unless
 * DATABASE_URL is set). Prints requests/s and latency percentiles; asserts nothing.
 *
 *   npx tsx --conditions=react-server bench/workflows-list.bench.ts
 *     in-process: the real route handler through a NextRequest (auth, validation, query, JSON)
 *   BENCH_URL=http://127.0.0.1:3000 DATABASE_URL=postgres://… npx tsx --conditions=react-server bench/workflows-list.bench.ts
 *     also seeds that server's database and runs autocannon against it (10 connections, 10 s)
 *
 * `--conditions=react-server` lets the `server-only` guard pass outside Next.js.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { NextRequest } from "next/server";
import { GET as listWorkflows } from "../src/app/api/workflows/route";
import { createApiToken } from "../src/server/auth/create-api-token";
import { closeDatabase, getDatabase } from "../src/server/db";
import { users, workflowRuns, workflows } from "../src/server/db/schema";
import { env, resetEnvCache } from "../src/server/env";

const WORKFLOWS = 1_000;
const IN_PROCESS_REQUESTS = 500;
const CONCURRENCY = 10;

async function seed() {
  const { db } = await getDatabase();
  const [user] = await db.insert(users).values({ email: `bench-${Date.now()}@example.com`, name: "Bench" }).returning();
  const nodes = Array.from({ length: 20 }, (_, i) => ({ id: `n${i}`, type: "text", position: { x: i * 10, y: 0 }, data: { text: "lorem ipsum ".repeat(20) } }));
  for (let start = 0; start < WORKFLOWS; start += 200) {
    const rows = await db
      .insert(workflows)
      .values(
        Array.from({ length: Math.min(200, WORKFLOWS - start) }, (_, k) => ({
          userId: user.id,
          name: `Workflow ${start + k} ${["marketing", "video", "digest", "research"][(start + k) % 4]}`,
          description: "a benchmark workflow",
          nodes,
          edges: [],
          tags: [(start + k) % 2 === 0 ? "even" : "odd"],
          // Distinct times, as real edits have (one INSERT would give every row the same now()).
          createdAt: new Date(Date.now() - (WORKFLOWS - start - k) * 60_000),
          updatedAt: new Date(Date.now() - (WORKFLOWS - start - k) * 60_000),
        })),
      )
      .returning({ id: workflows.id });
    await db.insert(workflowRuns).values(rows.map((r) => ({ userId: user.id, workflowId: r.id, status: "COMPLETED" as const })));
  }
  const { token } = await createApiToken(user.id, "bench");
  return token;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function inProcess(token: string, query: string) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < IN_PROCESS_REQUESTS) {
        const t0 = performance.now();
        const req = new NextRequest(`http://127.0.0.1:3000/api/workflows${query}`, { headers: { authorization: `Bearer ${token}` } });
        const res = await listWorkflows(req, { params: Promise.resolve({}) });
        if (res.status !== 200) throw new Error(`status ${res.status}: ${await res.text()}`);
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(
    `in-process GET /api/workflows${query.padEnd(14)} ${(latencies.length / seconds).toFixed(0).padStart(5)} req/s  p50 ${percentile(latencies, 50).toFixed(1)} ms  p99 ${percentile(latencies, 99).toFixed(1)} ms`,
  );
}

async function overHttp(url: string, token: string) {
  const result = await autocannon({
    url: `${url}/api/workflows`,
    connections: CONCURRENCY,
    duration: 10,
    headers: { authorization: `Bearer ${token}` },
  });
  console.log(
    `autocannon ${url}/api/workflows: ${result.requests.average.toFixed(0)} req/s, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}`,
  );
}

async function main() {
  if (!process.env.DATABASE_URL) {
    resetEnvCache({ GALAXY_DATA_DIR: mkdtempSync(join(tmpdir(), "galaxy-bench-")), GALAXY_WORKER: "off" });
  }
  const engine = env().DATABASE_URL ? "postgres" : "pglite";
  const t0 = performance.now();
  const token = await seed();
  console.log(`${engine}: seeded ${WORKFLOWS} workflows (20 nodes each) with a run each in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  for (const query of ["", "?limit=100", "?q=market", "?tag=even"]) await inProcess(token, query);
  if (process.env.BENCH_URL) await overHttp(process.env.BENCH_URL.replace(/\/$/, ""), token);
  else console.log(`(set BENCH_URL to also load a running server; its token would be ${token.slice(0, 12)}…)`);
  await closeDatabase();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
