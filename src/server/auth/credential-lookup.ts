/**
 * What a credential lookup reads of its user, and how often it records the credential's use:
 * at most once a minute, so a busy session or token does not write on every request.
 */
import "server-only";
import { users } from "@/server/db/schema";

export const AUTH_USER_COLUMNS = { id: users.id, email: users.email, name: users.name };

const TOUCH_RESOLUTION_MS = 60_000;

/** True when a "last used" time is missing or older than the resolution. */
export function isDueForTouch(lastAt: Date | null, now: number): boolean {
  return !lastAt || now - lastAt.getTime() > TOUCH_RESOLUTION_MS;
}
