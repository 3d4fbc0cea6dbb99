/**
 * Drizzle queries prepared by name (db/prepare-by-name.ts): the same rows, mapped the same way
 * (dates, jsonb, nested relations), as the query run unprepared; and on PGlite they really run as
 * named prepared statements, which its Drizzle driver would otherwise ignore.
 */
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db/client";
import { prepareByName } from "@/server/db/prepare-by-name";
import { users, workflows } from "@/server/db/schema";
import { insertUser, insertWorkflow } from "../helpers/fixtures";
import { createTestDatabase, testEngine, type TestDatabase } from "../helpers/test-database";

let database: TestDatabase;
let db: Db;
let userId: string;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.handle.db;
  userId = (await insertUser(db, { name: "Ada" })).id;
  await insertWorkflow(db, userId, { name: "First", nodes: [{ id: "n1", type: "text", position: { x: 1, y: 2 }, data: { text: "é" } }] });
  await insertWorkflow(db, userId, { name: "Second" });
});
afterAll(() => database.drop());

const userWithWorkflows = (d: Db) =>
  d.query.users.findFirst({
    where: eq(users.id, sql.placeholder("userId")),
    with: { workflows: { orderBy: [asc(workflows.name)] } },
  });

describe("prepareByName", () => {
  it("answers a relational query exactly as the unprepared query does, run after run", async () => {
    const prepared = prepareByName(userWithWorkflows(db), "t_user_with_workflows");
    const expected = await userWithWorkflows(db).prepare("t_unnamed").execute({ userId });
    expect(expected?.workflows.map((w) => w.name)).toEqual(["First", "Second"]);
    expect(expected?.createdAt).toBeInstanceOf(Date);
    expect(await prepared.execute({ userId })).toEqual(expected);
    expect(await prepared.execute({ userId })).toEqual(expected);
    expect(await prepared.execute({ userId: "00000000-0000-4000-8000-000000000000" })).toBeUndefined();
  });

  it("answers a select with a join and a timestamp as the unprepared one does", async () => {
    const select = (d: Db) =>
      d
        .select({ name: workflows.name, createdAt: workflows.createdAt, email: users.email })
        .from(workflows)
        .innerJoin(users, eq(users.id, workflows.userId))
        .where(eq(workflows.userId, sql.placeholder("userId")))
        .orderBy(asc(workflows.name));
    const rows = await prepareByName(select(db), "t_select_join").execute({ userId });
    expect(rows).toEqual(await select(db).execute({ userId }));
    expect(rows[0].createdAt).toBeInstanceOf(Date);
  });

  it.runIf(testEngine === "pglite")("runs as a named prepared statement on PGlite", async () => {
    const pglite = database.handle.pglite!;
    const names = async () => (await pglite.query<{ name: string }>(`SELECT name FROM pg_prepared_statements`)).rows.map((r) => r.name);
    expect(await names()).toContain("t_user_with_workflows");
    expect(await names()).not.toContain("t_unnamed");
  });
});
