/**
 * For server components (the dashboard, the editor, settings): the signed-in user of
 * this request's cookies, or a redirect to `/sign-in?next=…`.
 *
 * @example
 * export default async function WorkflowsPage() {
 *   const user = await requirePageUser();
 *   …
 * }
 */
import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { logger } from "../log";
import { authenticateCredentials, type AuthUser } from "./authenticate-request";
import { safeNextPath } from "./safe-next-path";
import { PAGE_PATH_HEADER } from "./session-cookie";

/** The signed-in user, or null (never throws: a bad cookie means "signed out"). */
export async function getPageUser(): Promise<AuthUser | null> {
  const store = await cookies();
  try {
    return await authenticateCredentials({ authorization: null, cookie: (name) => store.get(name)?.value });
  } catch (error) {
    logger("auth").warn(`page session rejected: ${(error as Error).message}`);
    return null;
  }
}

/** `nextPath` defaults to the page's own path (passed on by `src/proxy.ts`). */
export async function requirePageUser(nextPath?: string): Promise<AuthUser> {
  const user = await getPageUser();
  if (!user) {
    const next = safeNextPath(nextPath ?? (await headers()).get(PAGE_PATH_HEADER));
    redirect(`/sign-in?next=${encodeURIComponent(next)}`);
  }
  return user;
}
