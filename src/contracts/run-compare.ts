/**
 * Two runs side by side, node by node (`GET /api/runs/compare?a=&b=`, DESIGN §9). A node is
 * matched by id; a side is null when that run's graph has no such node. `changed` flags are
 * `false` where both sides are equal (or the node is on one side only).
 */
import { NODE_STATUSES, RUN_SCOPES, RUN_STATUSES } from "@/engine/statuses";
import { z } from "zod";
import { zId } from "./list-query";
import { ZUsage } from "./usage";
import { ZIsoDate, ZJsonObject } from "./wire";

export const ZCompareRun = z
  .object({
    id: z.string(),
    workflowId: z.string().nullable(),
    workflowVersion: z.number().int().nullable(),
    status: z.enum(RUN_STATUSES),
    scope: z.enum(RUN_SCOPES),
    createdAt: ZIsoDate,
    durationMs: z.number().int().nullable(),
    usage: ZUsage.nullable(),
  })
  .meta({ id: "CompareRun" });

export const ZCompareNodeSide = z
  .object({
    status: z.enum(NODE_STATUSES).meta({ description: "IDLE when the node was in the graph but not run" }),
    params: ZJsonObject.meta({ description: "the node's data in that run's graph (its label left out)" }),
    inputs: ZJsonObject.nullable().meta({ description: "resolved inputs, by input name" }),
    outputs: ZJsonObject.nullable(),
    error: z.string().nullable(),
    cached: z.boolean(),
    usage: ZUsage.nullable(),
    durationMs: z.number().int().nullable(),
  })
  .meta({ id: "CompareNodeSide" });

export const ZCompareNode = z
  .object({
    nodeId: z.string(),
    label: z.string().meta({ description: "the node's name (data.label), else its type's name" }),
    type: z.string(),
    a: ZCompareNodeSide.nullable(),
    b: ZCompareNodeSide.nullable(),
    changed: z.object({ params: z.boolean(), inputs: z.boolean(), outputs: z.boolean() }),
  })
  .meta({ id: "CompareNode" });

export const ZRunComparison = z.object({
  a: ZCompareRun,
  b: ZCompareRun,
  nodes: z.array(ZCompareNode).meta({ description: "in a's graph order, then the nodes only b has" }),
});

export const ZCompareRunsQuery = z.object({
  a: zId("a must be a run id"),
  b: zId("b must be a run id"),
});

export type TRunComparison = z.output<typeof ZRunComparison>;
export type TCompareNode = z.output<typeof ZCompareNode>;
export type TCompareNodeSide = z.output<typeof ZCompareNodeSide>;
