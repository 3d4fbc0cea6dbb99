/** Node results as the API answers them, whole (`GET /api/execute/{runId}`) or as a live `node` event. */
import type { z } from "zod";
import { ZPublicNodeResult } from "@/contracts/run";
import type { ZNodeResultEvent } from "@/contracts/run-events";
import { jsonObject, pickWire } from "@/contracts/wire";
import type { NodeResult } from "../db/schema";
import type { NodeRow } from "../events/run-events";

function present<R extends NodeRow>(row: R) {
  return {
    ...pickWire(ZPublicNodeResult, row),
    input: jsonObject(row.input),
    output: jsonObject(row.output),
    meta: jsonObject(row.meta),
  };
}

export function toPublicNodeResult(row: NodeResult): z.input<typeof ZPublicNodeResult> {
  return present(row);
}

/** A row published on the hot path may not have its id and timestamps yet. */
export function toNodeResultEvent(row: NodeRow): z.input<typeof ZNodeResultEvent> {
  return present(row);
}
