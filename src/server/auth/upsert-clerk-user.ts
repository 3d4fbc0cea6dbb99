/**
 * Finds or creates the local user of a Clerk identity, race-free: one
 * `INSERT … ON CONFLICT (clerk_id)` (never find-then-create).
 */
import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/server/db";
import { users } from "@/server/db/schema";
import { AppError } from "@/server/http/errors";
import type { AuthUser } from "./authenticate-request";
import type { ClerkIdentity } from "./verify-clerk-token";

export async function upsertClerkUser(identity: ClerkIdentity): Promise<AuthUser> {
  const db = await getDb();
  const columns = { id: users.id, email: users.email, name: users.name };
  const [known] = await db.select(columns).from(users).where(eq(users.clerkId, identity.clerkId)).limit(1);
  if (known) return { ...known, via: "clerk" };
  if (!identity.email) {
    throw new AppError(
      "UNAUTHORIZED",
      'the Clerk session token has no "email" claim: add {"email": "{{user.primary_email_address}}"} to the session token in the Clerk dashboard',
    );
  }
  try {
    const [row] = await db
      .insert(users)
      .values({ clerkId: identity.clerkId, email: identity.email, name: identity.name })
      .onConflictDoUpdate({ target: users.clerkId, set: { updatedAt: sql`now()` } })
      .returning(columns);
    return { ...row, via: "clerk" };
  } catch (error) {
    if (isUniqueViolation(error, "users_email_unique")) {
      // A concurrent first request for the same identity can trip the e-mail index before
      // the clerk_id arbiter sees its row: then the row is there now.
      const [raced] = await db.select(columns).from(users).where(eq(users.clerkId, identity.clerkId)).limit(1);
      if (raced) return { ...raced, via: "clerk" };
      // Otherwise a local account holds this e-mail; linking it silently would let whoever
      // controls the Clerk identity take it over, so refuse clearly instead.
      throw new AppError("UNAUTHORIZED", "this e-mail belongs to a local account on this server; sign in with its password");
    }
    throw error;
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const pg = e as { code?: string; constraint?: string; message?: string };
    if (pg.code === "23505" && (pg.constraint === constraint || pg.message?.includes(constraint))) return true;
  }
  return false;
}
