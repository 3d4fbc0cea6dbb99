/** Small builders for rows the tests need. */
import type { Db } from "@/server/db/client";
import { users, workflows } from "@/server/db/schema";
import { randomBytes } from "node:crypto";

export async function insertUser(db: Db, overrides: Partial<typeof users.$inferInsert> = {}) {
  const [user] = await db
    .insert(users)
    .values({ email: `u${randomBytes(5).toString("hex")}@example.com`, ...overrides })
    .returning();
  return user;
}

export async function insertWorkflow(db: Db, userId: string, overrides: Partial<typeof workflows.$inferInsert> = {}) {
  const [workflow] = await db
    .insert(workflows)
    .values({ userId, name: "Test workflow", nodes: [], edges: [], ...overrides })
    .returning();
  return workflow;
}
