/**
 * Local sign-in. "No such user" and "wrong password" give the same answer and take
 * the same time (a dummy hash is verified when the e-mail is unknown).
 *
 * Before the password is checked, one attempt is reserved in the database under three limits
 * (`rate-limit.ts`): attempts per client IP, failures per e-mail from that IP, and failures per
 * e-mail from anywhere (a slower backstop). Requests in flight see each other's reservations,
 * so a parallel burst gets no more checks than the limit. A right password takes its attempt
 * back as a failure and clears that e-mail's failures from that IP: a stranger guessing from
 * elsewhere does not lock the owner out for longer than the per-e-mail window.
 */
import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/server/db";
import { users } from "@/server/db/schema";
import { AppError } from "@/server/http/errors";
import type { TSignIn } from "@/contracts/auth";
import { createSession } from "./create-session";
import { getDummyPasswordHash, verifyPassword } from "./password-hash";
import {
  clearHits,
  releaseHit,
  reserveHits,
  SIGN_IN_FAILURES_PER_EMAIL,
  SIGN_IN_FAILURES_PER_EMAIL_IP,
  SIGN_IN_PER_IP,
} from "./rate-limit";
import { assertLocalAccounts, type SignedIn } from "./sign-up-user";

export async function signInUser(input: TSignIn, meta: { ip: string; userAgent: string | null }): Promise<SignedIn> {
  assertLocalAccounts();
  const emailIp = `${input.email}\n${meta.ip}`;
  const [, , emailFailure] = await reserveHits([
    { limit: SIGN_IN_PER_IP, subject: meta.ip },
    { limit: SIGN_IN_FAILURES_PER_EMAIL_IP, subject: emailIp },
    { limit: SIGN_IN_FAILURES_PER_EMAIL, subject: input.email },
  ]);

  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, input.email))
    .limit(1);
  const valid = await verifyPassword(input.password, row?.passwordHash ?? (await getDummyPasswordHash()));
  // A failure keeps its reserved attempts.
  if (!row?.passwordHash || !valid) throw new AppError("UNAUTHORIZED", "wrong e-mail or password");
  await Promise.all([clearHits(SIGN_IN_FAILURES_PER_EMAIL_IP, emailIp), releaseHit(emailFailure)]);
  const { passwordHash: _omit, ...user } = row;
  return { user, session: await createSession(user.id, meta) };
}
