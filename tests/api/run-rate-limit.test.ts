/**
 * GALAXY_RUN_RATE_LIMIT (issue 15): runs started per API token (or signed-in user) per window,
 * counted in the database before the run is created. Beyond it, 429 with Retry-After; a burst
 * of 50 parallel runs from one token passes under a normal setting; unset, nothing is counted.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as execute } from "@/app/api/execute/route";
import { POST as createToken } from "@/app/api/tokens/route";
import { useDatabase } from "@/server/db";
import { rateLimits, workflowRuns } from "@/server/db/schema";
import { resetEnvCache } from "@/server/env";
import { startQueue, stopQueue } from "@/server/jobs/queue";
import { callRoute } from "../helpers/call-route";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { createTestUser, type TestUser } from "../helpers/test-user";
import { textNode } from "./graphs";

let t: TestDatabase;
let alice: TestUser;
const BASE_ENV = { GALAXY_WORKER: "off", NODE_ENV: "test", TRIGGER_SECRET_KEY: "", TRIGGER_API_KEY: "" };

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t.handle);
  resetEnvCache(BASE_ENV);
  await startQueue(t.handle);
});
afterAll(async () => {
  await stopQueue();
  resetEnvCache();
  await t?.drop();
});
beforeEach(async () => {
  await t.handle.db.delete(rateLimits);
  alice = await createTestUser();
});

const runLimit = (value: string | undefined) => resetEnvCache({ ...BASE_ENV, GALAXY_RUN_RATE_LIMIT: value });
const startRun = (headers: Record<string, string>) =>
  callRoute(execute, "/api/execute", { headers, body: { nodes: [textNode("t")], edges: [] } });

describe("GALAXY_RUN_RATE_LIMIT", () => {
  it("answers 429 with Retry-After beyond the limit, per API token, and creates no run for it", async () => {
    runLimit("3/60");
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await startRun(alice.headers));
    expect(statuses.map((res) => res.status)).toEqual([202, 202, 202, 429]);
    const refused = statuses[3];
    expect(refused.json?.code).toBe("RATE_LIMITED");
    expect(refused.json?.error).toMatch(/^too many runs started with this API token \(at most 3 per 60 s\); try again in \d+ s$/);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(120);
    expect(await t.handle.db.select().from(workflowRuns).where(eq(workflowRuns.userId, alice.user.id))).toHaveLength(3);

    // Another token of the same user has its own count.
    const second = await callRoute(createToken, "/api/tokens", { headers: alice.headers, body: { name: "second" } });
    expect((await startRun({ authorization: `Bearer ${second.json!.token}` })).status).toBe(202);
  });

  it("lets a burst of 50 parallel runs from one token through under a normal limit", async () => {
    runLimit("120/60");
    const answers = await Promise.all(Array.from({ length: 50 }, () => startRun(alice.headers)));
    expect(answers.map((res) => res.status)).toEqual(Array(50).fill(202));
  });

  it("holds under a parallel burst: exactly the limit of 60 parallel requests get through", async () => {
    runLimit("20/60");
    const answers = await Promise.all(Array.from({ length: 60 }, () => startRun(alice.headers)));
    expect(answers.filter((res) => res.status === 202)).toHaveLength(20);
    expect(answers.filter((res) => res.status === 429)).toHaveLength(40);
  });

  it("counts nothing when unset", async () => {
    runLimit(undefined);
    for (let i = 0; i < 5; i++) expect((await startRun(alice.headers)).status).toBe(202);
    expect(await t.handle.db.select().from(rateLimits)).toHaveLength(0);
  });
});
