import { API_ROUTES } from "@/contracts/api-routes";
import { limitRunCreation } from "@/server/auth/limit-run-creation";
import { apiRoute, reply } from "@/server/http/api-route";
import { createRun } from "@/server/runs/create-run";
import { getRunOrThrow } from "@/server/runs/get-run";
import { toPublicRun } from "@/server/runs/to-public-run";
import { waitForRunEnd } from "@/server/runs/wait-for-run-end";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The longest `"wait": true` holds the answer before falling back to 202. */
const WAIT_MS = 60_000;

// POST /api/execute — run a saved workflow or an ad-hoc graph (whole, `nodeIds`, or one node); GALAXY_RUN_RATE_LIMIT per token
export const POST = apiRoute(API_ROUTES.startRun, async ({ user, body, req }) => {
  await limitRunCreation(user);
  const { runId, startedHere } = await createRun(user.id, body);
  if (body.wait && (await waitForRunEnd(runId, WAIT_MS, req.signal, { executingHere: startedHere }))) {
    return reply({ run: toPublicRun(await getRunOrThrow(user.id, runId)) }, { status: 200 });
  }
  return { runId };
});
