/** Creates a local account (race-free on the e-mail) and starts its session. */
import "server-only";
import { getDb } from "@/server/db";
import { users } from "@/server/db/schema";
import { env } from "@/server/env";
import { AppError } from "@/server/http/errors";
import type { TSignUp } from "@/contracts/auth";
import { createSession, type CreatedSession } from "./create-session";
import { hashPassword } from "./password-hash";
import { reserveHits, SIGN_UP_PER_IP } from "./rate-limit";

export interface SignedIn {
  user: { id: string; email: string; name: string | null };
  session: CreatedSession;
}

export async function signUpUser(
  input: TSignUp,
  meta: { ip: string; userAgent: string | null },
): Promise<SignedIn> {
  assertLocalAccounts();
  await reserveHits([{ limit: SIGN_UP_PER_IP, subject: meta.ip }]);
  const db = await getDb();
  const [user] = await db
    .insert(users)
    .values({ email: input.email, name: input.name || null, passwordHash: await hashPassword(input.password) })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id, email: users.email, name: users.name });
  if (!user) throw new AppError("CONFLICT", "an account with this e-mail already exists; sign in instead");
  return { user, session: await createSession(user.id, meta) };
}

export function assertLocalAccounts(): void {
  if (env().clerkEnabled) {
    throw new AppError("BAD_REQUEST", "accounts on this server are managed by Clerk; sign in through Clerk");
  }
}
