/**
 * `GALAXY_RUN_RATE_LIMIT` (e.g. `120/60`): runs started per window by one API token, or by one
 * signed-in user when the request came with a session. Every `POST /api/execute` counts, reserved
 * in the database before the run is created, so parallel requests and several web processes share
 * one count; beyond it the answer is 429 with `Retry-After`. Off when unset.
 */
import "server-only";
import { env } from "@/server/env";
import type { AuthUser } from "./authenticate-request";
import { reserveHits } from "./rate-limit";

export async function limitRunCreation(user: AuthUser): Promise<void> {
  const setting = env().GALAXY_RUN_RATE_LIMIT;
  if (!setting) return;
  const byToken = user.tokenId !== undefined;
  await reserveHits([
    {
      limit: {
        rule: "runs",
        limit: setting.limit,
        windowSeconds: setting.windowSeconds,
        what: `runs started ${byToken ? "with this API token" : "by this account"} (at most ${setting.limit} per ${setting.windowSeconds} s)`,
      },
      subject: byToken ? `token:${user.tokenId}` : `user:${user.id}`,
    },
  ]);
}
