/**
 * Local sign-in. "No such user" and "wrong password" give the same answer and take
 * the same time (a dummy hash is verified when the e-mail is unknown).
 */
import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/server/db";
import { users } from "@/server/db/schema";
import { AppError } from "@/server/http/errors";
import type { TSignIn } from "@/contracts/auth";
import { createSession } from "./create-session";
import { getDummyPasswordHash, verifyPassword } from "./password-hash";
import { assertUnderLimit, clearHits, recordHit, SIGN_IN_FAILURES_PER_EMAIL, SIGN_IN_PER_IP } from "./rate-limit";
import { assertLocalAccounts, type SignedIn } from "./sign-up-user";

export async function signInUser(input: TSignIn, meta: { ip: string; userAgent: string | null }): Promise<SignedIn> {
  assertLocalAccounts();
  const ipKey = `sign-in:ip:${meta.ip}`;
  const emailKey = `sign-in:email:${input.email}`;
  assertUnderLimit(ipKey, SIGN_IN_PER_IP);
  assertUnderLimit(emailKey, SIGN_IN_FAILURES_PER_EMAIL);
  recordHit(ipKey);

  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, input.email))
    .limit(1);
  const valid = await verifyPassword(input.password, row?.passwordHash ?? (await getDummyPasswordHash()));
  if (!row?.passwordHash || !valid) {
    recordHit(emailKey);
    throw new AppError("UNAUTHORIZED", "wrong e-mail or password");
  }
  clearHits(emailKey);
  const { passwordHash: _omit, ...user } = row;
  return { user, session: await createSession(user.id, meta) };
}
