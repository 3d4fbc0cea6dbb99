/**
 * A database that does not answer is a 503 UNAVAILABLE with Retry-After on every route
 * (issue 15: /api/runs and /api/execute answered 500), never showing the driver's words:
 * a node-postgres pool pointed at a port where nothing listens, a pool that was ended, a
 * server that accepts the connection and says nothing, a closed PGlite, and (on PostgreSQL)
 * a connection the server terminates in the middle of a query.
 */
import { createServer, type Socket } from "node:net";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { Pool, type PoolConfig } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as execute } from "@/app/api/execute/route";
import { GET as health } from "@/app/api/health/route";
import { GET as listRuns } from "@/app/api/runs/route";
import { GET as listWorkflows } from "@/app/api/workflows/route";
// Renamed: `useDatabase` is no React hook, but the hooks lint rule goes by its name.
import { useDatabase as installDatabase } from "@/server/db";
import { fullSchema, openDatabase, type DatabaseHandle } from "@/server/db/client";
import { resetEnvCache } from "@/server/env";
import { errorResponse } from "@/server/http/api-route";
import { callRoute } from "../helpers/call-route";
import { freePort, listenOnFreePort } from "../helpers/free-port";
import { createTestDatabase, testDatabaseUrl, testEngine, type TestDatabase } from "../helpers/test-database";
import { createTestUser, type TestUser } from "../helpers/test-user";
import { textNode } from "./graphs";

let t: TestDatabase;
let alice: TestUser;
beforeAll(async () => {
  t = await createTestDatabase();
  installDatabase(t.handle);
  resetEnvCache({ GALAXY_WORKER: "off" });
  alice = await createTestUser();
});
afterAll(async () => {
  installDatabase(t.handle);
  resetEnvCache();
  await t?.drop();
});

/** A handle as `openDatabase` makes for DATABASE_URL, without the migrations it cannot run. */
function postgresHandle(config: PoolConfig): DatabaseHandle {
  const pool = new Pool(config);
  pool.on("error", () => undefined);
  return {
    kind: "postgres",
    db: drizzle(pool, { schema: fullSchema, casing: "snake_case" }),
    executeSql: async (text, values) => pool.query(text, values as unknown[] | undefined),
    pool,
    close: () => pool.end(),
  };
}

/** The routes of the report, each with a valid request, answered while `handle` is the database. */
async function callDuringOutage(handle: DatabaseHandle) {
  installDatabase(handle);
  try {
    return await Promise.all([
      callRoute(listRuns, "/api/runs", { headers: alice.headers }),
      callRoute(execute, "/api/execute", { headers: alice.headers, body: { nodes: [textNode("t")], edges: [] } }),
      callRoute(listWorkflows, "/api/workflows", { headers: alice.headers }),
      callRoute(health, "/api/health"),
    ]);
  } finally {
    installDatabase(t.handle);
  }
}

function expectUnavailable(answers: Awaited<ReturnType<typeof callDuringOutage>>) {
  for (const res of answers) {
    expect(res.status, res.text).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(res.json).toMatchObject({ success: false, code: "UNAVAILABLE" });
    expect(res.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|pool|PGlite|terminat|timeout|select/i);
  }
}

describe("a database that does not answer", () => {
  it("answers the same routes normally while it is up", async () => {
    const [runs, started, workflows, up] = await callDuringOutage(t.handle);
    expect([runs.status, started.status, workflows.status, up.status]).toEqual([200, 202, 200, 200]);
  });

  it("is a 503 with Retry-After: node-postgres pointed at a port where nothing listens", async () => {
    const handle = postgresHandle({ host: "127.0.0.1", port: await freePort(), user: "galaxy", database: "galaxy" });
    try {
      expectUnavailable(await callDuringOutage(handle));
    } finally {
      await handle.close();
    }
  });

  it("is a 503 with Retry-After: a server that accepts connections and never answers (pool timeout)", async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    const port = await listenOnFreePort(silent);
    const handle = postgresHandle({ host: "127.0.0.1", port, user: "galaxy", database: "galaxy", connectionTimeoutMillis: 300 });
    try {
      expectUnavailable(await callDuringOutage(handle));
    } finally {
      await handle.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it("is a 503 with Retry-After: a handle that was closed (node-postgres pool ended, or PGlite closed)", async () => {
    const ended = postgresHandle({ host: "127.0.0.1", port: await freePort() });
    await ended.close();
    expectUnavailable(await callDuringOutage(ended));

    const pglite = await openDatabase({});
    await pglite.close();
    expectUnavailable(await callDuringOutage(pglite));
  });

  it.skipIf(testEngine !== "postgres")(
    "is a 503 with Retry-After: PostgreSQL terminates the connection mid-query (57P01)",
    async () => {
      const handle = await openDatabase({ databaseUrl: t.url ?? testDatabaseUrl, maxConnections: 1 });
      try {
        const pid = ((await handle.executeSql("SELECT pg_backend_pid() AS pid")).rows[0] as { pid: number }).pid;
        const query = handle.db.execute(sql`SELECT pg_sleep(30)`).then(
          () => undefined,
          (error: unknown) => error,
        );
        const killer = new Pool({ connectionString: t.url });
        try {
          for (let i = 0; i < 50; i++) {
            const { rows } = await killer.query("SELECT state FROM pg_stat_activity WHERE pid = $1", [pid]);
            if (rows[0]?.state === "active") break;
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
          await killer.query("SELECT pg_terminate_backend($1)", [pid]);
        } finally {
          await killer.end();
        }
        const error = await query;
        expect(error).toBeInstanceOf(Error);
        const res = errorResponse(error, new Request("http://127.0.0.1/api/runs"));
        expect(res.status).toBe(503);
        expect(res.headers.get("retry-after")).toBe("5");
        expect(await res.json()).toMatchObject({ code: "UNAVAILABLE" });
      } finally {
        await handle.close();
      }
    },
  );

  it("is still a 500 for an error that is not an outage, with nothing of it shown", async () => {
    const res = errorResponse(new RangeError("Maximum call stack size exceeded at secret.ts:1"));
    expect(res.status).toBe(500);
    expect(res.headers.get("retry-after")).toBeNull();
    expect(await res.text()).not.toContain("secret");
  });
});
