/**
 * A signed-in user for any test: inserts a user and issues a real API token through
 * the token service, so routes can be called with `headers` like any API client.
 *
 * @example
 * const alice = await createTestUser();
 * await callRoute(GET, "/api/workflows", { headers: alice.headers });
 */
import { randomBytes } from "node:crypto";
import { createApiToken } from "@/server/auth/create-api-token";
import { getDb } from "@/server/db";
import { users } from "@/server/db/schema";

export interface TestUser {
  user: { id: string; email: string; name: string | null };
  token: string;
  headers: { authorization: string };
}

export async function createTestUser(overrides: Partial<typeof users.$inferInsert> = {}): Promise<TestUser> {
  const db = await getDb();
  const [user] = await db
    .insert(users)
    .values({ email: `user-${randomBytes(6).toString("hex")}@example.com`, name: "Test User", ...overrides })
    .returning({ id: users.id, email: users.email, name: users.name });
  const { token } = await createApiToken(user.id, "test");
  return { user, token, headers: { authorization: `Bearer ${token}` } };
}
