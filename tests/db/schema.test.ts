import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { countAppliedMigrations, runMigrations } from "@/server/db/migrate";
import { executionLogs, nodeResults, users, workflowRuns, workflows } from "@/server/db/schema";
import { createTestDatabase, testEngine, type TestDatabase } from "../helpers/test-database";
import { insertUser, insertWorkflow } from "../helpers/fixtures";
import { readdirSync } from "node:fs";

let t: TestDatabase;
const isEnumViolation = (error: unknown) =>
  /invalid input value for enum/.test(String((error as { cause?: Error }).cause?.message ?? error));
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

const db = () => t.handle.db;

describe(`schema on ${testEngine}`, () => {
  it("applies every migration from empty, and a second apply is a no-op", async () => {
    const files = readdirSync("drizzle").filter((f) => f.endsWith(".sql"));
    expect(await countAppliedMigrations(t.handle)).toBe(files.length);
    await runMigrations(t.handle);
    expect(await countAppliedMigrations(t.handle)).toBe(files.length);
  });

  it("round-trips every model with Json, arrays, enums and timestamps", async () => {
    const user = await insertUser(db(), { name: "Ada", avatar: "https://x/a.png", clerkId: "user_rt" });
    const nodes = [{ id: "n1", type: "text", position: { x: 1.5, y: -2 }, data: { text: "héllo ✦" } }];
    const workflow = await insertWorkflow(db(), user.id, {
      description: "desc",
      nodes,
      edges: [],
      tags: ["a", "b c"],
      isPublic: true,
    });
    const startedAt = new Date("2026-01-02T03:04:05.678Z");
    const [run] = await db()
      .insert(workflowRuns)
      .values({
        userId: user.id,
        workflowId: workflow.id,
        status: "RUNNING",
        scope: "PARTIAL",
        targetNodeIds: ["n1"],
        input: { nodes, edges: [] },
        output: { n1: { text: "x" } },
        startedAt,
        triggerId: "run_abc",
        durationMs: 12,
      })
      .returning();
    await db().insert(nodeResults).values({
      runId: run.id,
      nodeId: "n1",
      nodeType: "text",
      status: "SUCCESS",
      input: { a: [1, 2] },
      output: { text: "x" },
      cacheKey: "k1",
      cached: true,
      meta: { tokens: 3 },
      startedAt,
      completedAt: startedAt,
      durationMs: 0,
    });
    await db().insert(executionLogs).values({ runId: run.id, level: "warning", message: "m", nodeId: "n1", metadata: { k: 1 } });

    const loaded = await db().query.workflowRuns.findFirst({
      where: eq(workflowRuns.id, run.id),
      with: { nodeResults: true, executionLogs: true, workflow: true, user: true },
    });
    expect(loaded?.status).toBe("RUNNING");
    expect(loaded?.scope).toBe("PARTIAL");
    expect(loaded?.targetNodeIds).toEqual(["n1"]);
    expect(loaded?.startedAt?.toISOString()).toBe(startedAt.toISOString());
    expect(loaded?.workflow?.nodes).toEqual(nodes);
    expect(loaded?.workflow?.tags).toEqual(["a", "b c"]);
    expect(loaded?.workflow?.version).toBe(1);
    expect(loaded?.user.clerkId).toBe("user_rt");
    expect(loaded?.nodeResults[0]).toMatchObject({ cached: true, cacheKey: "k1", input: { a: [1, 2] }, meta: { tokens: 3 } });
    expect(loaded?.executionLogs[0]).toMatchObject({ level: "warning", metadata: { k: 1 } });
    expect(loaded?.executionLogs[0].timestamp).toBeInstanceOf(Date);
  });

  it("deleting a user deletes their workflows, runs, node results and logs", async () => {
    const user = await insertUser(db());
    const workflow = await insertWorkflow(db(), user.id);
    const [run] = await db().insert(workflowRuns).values({ userId: user.id, workflowId: workflow.id }).returning();
    await db().insert(nodeResults).values({ runId: run.id, nodeId: "a", nodeType: "text" });
    await db().insert(executionLogs).values({ runId: run.id, level: "info", message: "hi" });

    await db().delete(users).where(eq(users.id, user.id));
    expect(await db().select().from(workflows).where(eq(workflows.userId, user.id))).toEqual([]);
    expect(await db().select().from(workflowRuns).where(eq(workflowRuns.id, run.id))).toEqual([]);
    expect(await db().select().from(nodeResults).where(eq(nodeResults.runId, run.id))).toEqual([]);
    expect(await db().select().from(executionLogs).where(eq(executionLogs.runId, run.id))).toEqual([]);
  });

  it("deleting a workflow keeps its runs with workflowId null", async () => {
    const user = await insertUser(db());
    const workflow = await insertWorkflow(db(), user.id);
    const [run] = await db().insert(workflowRuns).values({ userId: user.id, workflowId: workflow.id }).returning();
    await db().delete(workflows).where(eq(workflows.id, workflow.id));
    const [kept] = await db().select().from(workflowRuns).where(eq(workflowRuns.id, run.id));
    expect(kept.workflowId).toBeNull();
  });

  it("deleting a run deletes its node results and logs", async () => {
    const user = await insertUser(db());
    const [run] = await db().insert(workflowRuns).values({ userId: user.id }).returning();
    await db().insert(nodeResults).values({ runId: run.id, nodeId: "a", nodeType: "text" });
    await db().insert(executionLogs).values({ runId: run.id, level: "info", message: "hi" });
    await db().delete(workflowRuns).where(eq(workflowRuns.id, run.id));
    expect(await db().select().from(nodeResults).where(eq(nodeResults.runId, run.id))).toEqual([]);
    expect(await db().select().from(executionLogs).where(eq(executionLogs.runId, run.id))).toEqual([]);
  });

  it("upserts a node result on (runId, nodeId)", async () => {
    const user = await insertUser(db());
    const [run] = await db().insert(workflowRuns).values({ userId: user.id }).returning();
    const upsert = (status: "RUNNING" | "SUCCESS", output?: unknown) =>
      db()
        .insert(nodeResults)
        .values({ runId: run.id, nodeId: "n", nodeType: "llm", status, output })
        .onConflictDoUpdate({ target: [nodeResults.runId, nodeResults.nodeId], set: { status, output } });
    await upsert("RUNNING");
    await upsert("SUCCESS", { output: "done" });
    const rows = await db().select().from(nodeResults).where(eq(nodeResults.runId, run.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "SUCCESS", output: { output: "done" } });
  });

  it("rejects a duplicate e-mail and a duplicate clerkId", async () => {
    await insertUser(db(), { email: "dup@example.com", clerkId: "user_dup" });
    await expect(insertUser(db(), { email: "dup@example.com" })).rejects.toThrow();
    await expect(insertUser(db(), { clerkId: "user_dup" })).rejects.toThrow();
    // Many local accounts may have no clerkId.
    await insertUser(db(), { clerkId: null });
    await insertUser(db(), { clerkId: null });
  });

  it("rejects an unknown status at the database", async () => {
    const user = await insertUser(db());
    await expect(
      db().execute(sql`INSERT INTO workflow_runs (id, user_id, status) VALUES ('bad1', ${user.id}, 'DONE')`),
    ).rejects.toSatisfy(isEnumViolation);
    await expect(
      db().execute(sql`UPDATE workflow_runs SET status = 'PAUSED' WHERE user_id = ${user.id}`),
    ).rejects.toSatisfy(isEnumViolation);
  });

  it("finds workflows through the search index expression", async () => {
    const user = await insertUser(db());
    await insertWorkflow(db(), user.id, { name: "Product Marketing Kit", description: "launch assets" });
    await insertWorkflow(db(), user.id, { name: "Other" });
    const rows = await db().execute(
      sql`SELECT name FROM workflows WHERE user_id = ${user.id} AND to_tsvector('simple', name || ' ' || coalesce(description, '')) @@ to_tsquery('simple', 'launc:*')`,
    );
    expect(rows.rows).toEqual([{ name: "Product Marketing Kit" }]);
  });
});
