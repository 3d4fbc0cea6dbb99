import { NextResponse } from "next/server";
import { apiRoute } from "@/server/http/api-route";
import { getRunOrThrow } from "@/server/runs/get-run";
import { ZExecuteBody, createRun } from "@/server/runs/create-run";
import { waitForRunEnd } from "@/server/runs/wait-for-run-end";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The longest `"wait": true` holds the answer before falling back to 202. */
const WAIT_MS = 60_000;

// POST /api/execute — run a saved workflow or an ad-hoc graph (whole, `nodeIds`, or one node)
export const POST = apiRoute({ body: ZExecuteBody }, async ({ user, body, req }) => {
  const { runId } = await createRun(user.id, body);
  if (body.wait && (await waitForRunEnd(runId, WAIT_MS, req.signal))) {
    return { run: await getRunOrThrow(user.id, runId) };
  }
  return NextResponse.json({ success: true, runId }, { status: 202 });
});
