/**
 * Runs: one run with its node results and logs (`GET /api/execute/{runId}`, and
 * `POST /api/execute` with `wait`), the run list, and what `POST /api/execute` accepts.
 * `ZPublicRunRow` is the run without its graph snapshot and details: the cancel answer and
 * the live stream's `run` events. Run fields (usage, errorCode, budget; later workflowVersion,
 * source) go in `ZRunFields` once and reach every run answer.
 */
import { LOG_LEVELS, NODE_STATUSES, RUN_SCOPES, RUN_STATUSES } from "@/engine/statuses";
import { z } from "zod";
import { ZWireGraph } from "./graph";
import { ZId, ZLimit, ZSkip } from "./list-query";
import { RUN_ERROR_CODES, ZBudget, ZUsage } from "./usage";
import { ZIsoDate, ZJsonObject } from "./wire";

/** Who started a run (DESIGN §9): the editor's canvas, or anything else calling the API. */
export const RUN_SOURCES = ["editor", "api"] as const;
export type TRunSource = (typeof RUN_SOURCES)[number];

// ---- answers ----

export const ZPublicNodeResult = z
  .object({
    id: z.string(),
    runId: z.string(),
    nodeId: z.string(),
    nodeType: z.string(),
    status: z.enum(NODE_STATUSES),
    input: ZJsonObject.nullable().meta({ description: "resolved inputs, by input name" }),
    output: ZJsonObject.nullable().meta({ description: "outputs, by output name" }),
    error: z.string().nullable(),
    meta: ZJsonObject.nullable().meta({
      description:
        "facts beyond the outputs: token usage, sizes, attempts; `notices` (strings): adjustments the node made to its parameters, in plain words",
    }),
    usage: ZUsage.nullable().meta({
      description: "what this node's model calls used in this run (retries included); null when it made none (a reused result costs nothing)",
    }),
    cacheKey: z.string().nullable(),
    cached: z.boolean().meta({ description: "reused from an earlier run rather than executed" }),
    startedAt: ZIsoDate.nullable(),
    completedAt: ZIsoDate.nullable(),
    durationMs: z.number().int().nullable(),
    createdAt: ZIsoDate,
    updatedAt: ZIsoDate,
  })
  .meta({ id: "NodeResult" });

/** A node result in the run list. */
export const ZNodeResultSummary = ZPublicNodeResult.pick({
  id: true,
  nodeId: true,
  nodeType: true,
  status: true,
  cached: true,
  durationMs: true,
  usage: true,
}).meta({ id: "NodeResultSummary" });

export const ZPublicLog = z
  .object({
    id: z.string(),
    seq: z.number().int().meta({ description: "insertion order" }),
    runId: z.string(),
    level: z.enum(LOG_LEVELS),
    message: z.string(),
    nodeId: z.string().nullable(),
    metadata: ZJsonObject.nullable(),
    timestamp: ZIsoDate,
  })
  .meta({ id: "ExecutionLog" });

const ZRunFields = z.object({
  id: z.string(),
  workflowId: z
    .string()
    .nullable()
    .meta({ description: "null for ad-hoc runs and after the workflow is deleted" }),
  userId: z.string(),
  triggerId: z
    .string()
    .nullable()
    .meta({ description: "Trigger.dev's run id, when the run went through Trigger.dev" }),
  status: z.enum(RUN_STATUSES),
  scope: z.enum(RUN_SCOPES),
  source: z.enum(RUN_SOURCES).meta({ description: "editor: started from the canvas; api: anything else" }),
  targetNodeIds: z.array(z.string()),
  output: z.record(z.string(), ZJsonObject).nullable().meta({ description: "node id → that node's outputs" }),
  errorMessage: z.string().nullable(),
  errorCode: z
    .enum(RUN_ERROR_CODES)
    .nullable()
    .meta({ description: "why a FAILED run was stopped: BUDGET_EXCEEDED when a budget kept nodes from running" }),
  budget: ZBudget.nullable().meta({ description: "the caps the run was started with (the request's, else its workflow's)" }),
  workflowVersion: z.number().int().nullable().meta({
    description: "the workflow version this run ran; null for ad-hoc runs and for a graph sent that differs from the saved one",
  }),
  usage: ZUsage.nullable().meta({
    description: "the sum of its nodes' usage (calls made in this run); null when no model call was made",
  }),
  startedAt: ZIsoDate.nullable(),
  completedAt: ZIsoDate.nullable(),
  durationMs: z.number().int().nullable(),
  createdAt: ZIsoDate,
  updatedAt: ZIsoDate,
});

export const ZPublicRunRow = ZRunFields.meta({ id: "RunRow" });

export const ZPublicRun = ZRunFields.extend({
  input: ZWireGraph.nullable().meta({ description: "the graph snapshot this run executes" }),
  nodeResults: z.array(ZPublicNodeResult).meta({ description: "in the order they were created" }),
  executionLogs: z.array(ZPublicLog).meta({ description: "in insertion (seq) order" }),
}).meta({ id: "Run" });

export const ZPublicRunListItem = ZRunFields.omit({ output: true })
  .extend({ nodeResults: z.array(ZNodeResultSummary) })
  .meta({ id: "RunListItem" });

export const ZRunPage = z.object({
  runs: z.array(ZPublicRunListItem),
  total: z.number().int(),
  hasMore: z.boolean(),
});

// ---- requests ----

export const ZExecuteBody = z
  .object({
    workflowId: z.string().min(1).max(100).optional(),
    nodes: z
      .array(z.unknown())
      .optional()
      .meta({ description: "GraphNode objects (an ad-hoc graph, or the editor's current state)" }),
    edges: z.array(z.unknown()).optional().meta({ description: "GraphEdge objects" }),
    nodeIds: z
      .array(z.string().min(1).max(100))
      .min(1)
      .max(2_000)
      .optional()
      .meta({ description: "run these nodes (and whatever they need); one id makes a SINGLE run" }),
    wait: z
      .boolean()
      .optional()
      .meta({ description: "hold the answer until the run ends (at most 60 s, then 202)" }),
    budget: ZBudget.optional().meta({
      description: "caps of this run; replaces the workflow's default budget (`{}`: no caps)",
    }),
    source: z
      .enum(RUN_SOURCES, { error: `source must be one of ${RUN_SOURCES.join(", ")}` })
      .optional()
      .meta({ description: 'who starts the run: "editor" (the canvas sends it) or "api" (the default)' }),
  })
  // As in the seed: a graph with a workflowId runs that graph (e.g. the editor's current
  // state) and files the run under the workflow; a workflowId alone runs the saved graph.
  .refine((body) => body.workflowId !== undefined || body.nodes !== undefined || body.edges !== undefined, {
    message: "send a workflowId, a graph ({nodes, edges}), or both",
  })
  .refine((body) => (body.nodes === undefined) === (body.edges === undefined), {
    message: "a graph needs both nodes and edges",
  });

export const ZRunQueued = z.object({ runId: z.string() });

export const ZListRunsQuery = z.object({
  workflowId: ZId.optional(),
  status: z.enum(RUN_STATUSES, { error: `status must be one of ${RUN_STATUSES.join(", ")}` }).optional(),
  limit: ZLimit,
  skip: ZSkip.default(0),
});

export const ZRunParams = z.object({ runId: ZId });

export type TExecuteBody = z.output<typeof ZExecuteBody>;
export type TListRunsQuery = z.output<typeof ZListRunsQuery>;
