/**
 * The live stream of one run (`GET /api/execute/{runId}/events`, Server-Sent Events): each
 * event's `data:` line is one JSON value of these shapes. The format is described in
 * `src/server/runs/stream-run-events.ts`.
 */
import { RUN_STATUSES } from "@/engine/statuses";
import { z } from "zod";
import { ZPublicLog, ZPublicNodeResult, ZPublicRunRow } from "./run";

/** A node result change; written on the hot path before its row's timestamps exist. */
export const ZNodeResultEvent = ZPublicNodeResult.partial({
  id: true,
  createdAt: true,
  updatedAt: true,
}).meta({ id: "NodeResultEvent" });

/**
 * Text a node streams (an LLM's answer), appended to what the node's `attempt` sent before; a
 * higher attempt (a retry) starts the text over. At most ~20 a second per node.
 */
export const ZNodeTextDelta = z
  .object({ nodeId: z.string(), attempt: z.number().int().min(1), text: z.string() })
  .meta({ id: "NodeTextDeltaEvent" });
export type TNodeTextDelta = z.infer<typeof ZNodeTextDelta>;

export const RUN_STREAM_EVENTS = {
  snapshot: z
    .object({ run: ZPublicRunRow, nodeResults: z.array(ZPublicNodeResult) })
    .meta({ id: "RunSnapshotEvent" }),
  node: ZNodeResultEvent,
  delta: ZNodeTextDelta,
  run: ZPublicRunRow,
  log: ZPublicLog,
  end: z.object({ status: z.enum(RUN_STATUSES) }).meta({ id: "RunEndEvent" }),
} as const;

export type RunStreamEventName = keyof typeof RUN_STREAM_EVENTS;
export type TRunStreamEvent<E extends RunStreamEventName> = z.input<(typeof RUN_STREAM_EVENTS)[E]>;
