/**
 * Workflows: what the API answers (`{workflow}`, `{workflows, total, hasMore, nextCursor}`,
 * the export document) and what it accepts. The graph inside a request is checked by the
 * engine's validator (every problem with its path), so requests take nodes and edges as arrays.
 */
import { RUN_SCOPES, RUN_STATUSES } from "@/engine/statuses";
import { z } from "zod";
import { ZWireEdge, ZWireNode } from "./graph";
import { ZLimit, ZSkip } from "./list-query";
import { ZBudget, ZUsage, ZUsageTotals } from "./usage";
import { ZIsoDate } from "./wire";

// ---- answers ----

/** A run as the workflow's history lists it (`GET /api/workflows/{id}` → `workflow.runs`). */
export const ZWorkflowRunSummary = z
  .object({
    id: z.string(),
    status: z.enum(RUN_STATUSES),
    scope: z.enum(RUN_SCOPES),
    createdAt: ZIsoDate,
    startedAt: ZIsoDate.nullable(),
    completedAt: ZIsoDate.nullable(),
    durationMs: z.number().int().nullable(),
    errorMessage: z.string().nullable(),
    usage: ZUsage.nullable().meta({ description: "what the run's model calls used; null when it made none" }),
    workflowVersion: z.number().int().nullable().meta({ description: "the version it ran" }),
  })
  .meta({ id: "WorkflowRunSummary" });

/** The latest run of a workflow in the list. */
export const ZLastRun = z
  .object({ id: z.string(), status: z.enum(RUN_STATUSES), createdAt: ZIsoDate })
  .meta({ id: "LastRun" });

/** How much of a graph a dashboard card's picture carries: enough to recognise its shape, bounded whatever its size. */
export const PREVIEW_LIMITS = { nodes: 200, edges: 400 } as const;

/** A workflow's graph in small, for the dashboard's picture of it. */
export const ZWorkflowPreview = z
  .object({
    nodeCount: z.number().int().meta({ description: "how many nodes the graph has (nodes lists at most the first 200)" }),
    nodes: z
      .array(z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number(), type: z.string() }))
      .meta({ description: "the first 200 nodes in the graph's order: box in flow units, rounded (size as stored, else as guessed from the type)" }),
    edges: z
      .array(z.tuple([z.number().int(), z.number().int()]))
      .meta({ description: "at most 400 edges between listed nodes, as [source, target] indexes into nodes" }),
  })
  .meta({ id: "WorkflowPreview" });
export type TWorkflowPreview = z.output<typeof ZWorkflowPreview>;

/** A workflow's run defaults. Unknown keys are refused, so a misspelt setting is not silently dropped. */
export const ZWorkflowSettings = z
  .strictObject({
    budget: ZBudget.optional().meta({ description: "caps of every run of this workflow that names none" }),
  })
  .meta({ id: "WorkflowSettings" });
export type TWorkflowSettings = z.output<typeof ZWorkflowSettings>;

const USAGE_30D = "the last 30 days of this workflow's runs that made model calls, summed; null when there were none";
const ZUsage30d = ZUsageTotals.nullable().meta({ description: USAGE_30D });

const ZWorkflowFields = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  nodes: z.array(ZWireNode),
  edges: z.array(ZWireEdge),
  isPublic: z.boolean(),
  tags: z.array(z.string()),
  version: z.number().int().meta({ description: "optimistic concurrency: send it back with PUT/PATCH" }),
  settings: ZWorkflowSettings,
  createdAt: ZIsoDate,
  updatedAt: ZIsoDate,
});

export const ZPublicWorkflow = ZWorkflowFields.extend({
  runs: z
    .array(ZWorkflowRunSummary)
    .optional()
    .meta({ description: "GET only: the 10 latest runs, newest first" }),
  usage30d: ZUsage30d.optional().meta({ description: `GET only: ${USAGE_30D}` }),
}).meta({ id: "Workflow" });

/** A workflow in the list: no graph but its preview, with its latest run (`runs` keeps the seed's shape: that run, or none). */
export const ZPublicWorkflowSummary = ZWorkflowFields.pick({
  id: true,
  name: true,
  description: true,
  tags: true,
  isPublic: true,
  version: true,
  settings: true,
  createdAt: true,
  updatedAt: true,
})
  .extend({ lastRun: ZLastRun.nullable(), runs: z.array(ZLastRun), usage30d: ZUsage30d, preview: ZWorkflowPreview })
  .meta({ id: "WorkflowSummary" });

export const ZWorkflowPage = z.object({
  workflows: z.array(ZPublicWorkflowSummary),
  total: z.number().int(),
  hasMore: z.boolean(),
  nextCursor: z.string().optional().meta({ description: "pass as `cursor` for the next page" }),
});

export const WORKFLOW_EXPORT_FORMAT = "galaxy-workflow";

/** The portable document of a workflow: what `POST /api/workflows/import` accepts back. */
export const ZWorkflowExport = z
  .object({
    format: z.literal(WORKFLOW_EXPORT_FORMAT),
    formatVersion: z.literal(1),
    exportedAt: ZIsoDate,
    workflow: ZWorkflowFields.pick({ name: true, description: true, tags: true, nodes: true, edges: true, settings: true }),
  })
  .meta({ id: "WorkflowExport" });

// ---- requests ----

const ZName = z
  .string({ error: "name must be a string" })
  .trim()
  .min(1, "name must not be empty")
  .max(200, "name must be at most 200 characters");
const ZDescription = z
  .string({ error: "description must be a string" })
  .max(5000, "description must be at most 5000 characters")
  .nullable();
const ZTags = z
  .array(z.string().trim().min(1, "a tag must not be empty").max(50, "a tag must be at most 50 characters"), {
    error: "tags must be an array of strings",
  })
  .max(20, "at most 20 tags")
  .transform((tags) => [...new Set(tags)]);
const ZNodes = z
  .array(z.unknown(), { error: "nodes must be an array" })
  .meta({ description: "GraphNode objects; checked by the graph validator" });
const ZEdges = z
  .array(z.unknown(), { error: "edges must be an array" })
  .meta({ description: "GraphEdge objects; checked by the graph validator" });
const ZIsPublic = z.boolean({ error: "isPublic must be true or false" });
const ZSettings = ZWorkflowSettings.meta({ description: "run defaults: `{budget: {maxTokens?, maxCostUsd?}}`" });
const ZVersion = z
  .number({ error: "version must be a number" })
  .int("version must be a whole number")
  .min(1, "version must be at least 1")
  .meta({ description: "the version you read: 409 VERSION_CONFLICT when the workflow changed since" });

export const ZCreateWorkflow = z.object({
  name: ZName,
  description: ZDescription.optional(),
  nodes: ZNodes.default([]),
  edges: ZEdges.default([]),
  tags: ZTags.optional(),
  isPublic: ZIsPublic.optional(),
  settings: ZSettings.optional(),
});

/** PUT: the whole document; fields left out are reset (description null, no tags, private, no settings). */
export const ZReplaceWorkflow = z.object({
  name: ZName,
  description: ZDescription.optional(),
  nodes: ZNodes,
  edges: ZEdges,
  tags: ZTags.optional(),
  isPublic: ZIsPublic.optional(),
  settings: ZSettings.optional(),
  version: ZVersion.optional(),
});

/** PATCH: only the fields given change. */
export const ZPatchWorkflow = z
  .object({
    name: ZName.optional(),
    description: ZDescription.optional(),
    nodes: ZNodes.optional(),
    edges: ZEdges.optional(),
    tags: ZTags.optional(),
    isPublic: ZIsPublic.optional(),
    settings: ZSettings.optional(),
    version: ZVersion.optional(),
  })
  .refine((v) => Object.keys(v).some((k) => k !== "version" && v[k as keyof typeof v] !== undefined), {
    message: "nothing to update: send at least one of name, description, nodes, edges, tags, isPublic, settings",
  });

/** Import accepts what export produces (`{format, workflow:{…}}`) or a bare workflow document. */
export const ZImportWorkflow = z
  .preprocess(
    (value) =>
      value &&
      typeof value === "object" &&
      "workflow" in value &&
      value.workflow &&
      typeof value.workflow === "object"
        ? value.workflow
        : value,
    ZCreateWorkflow.extend({ name: ZName.default("Imported workflow") }),
  )
  .meta({
    description: "an exported document ({format, formatVersion, workflow: {…}}), or the workflow itself",
  });

export const ZListWorkflowsQuery = z
  .object({
    limit: ZLimit,
    skip: ZSkip.optional(),
    cursor: z.string().max(500, "cursor is too long").optional(),
    q: z.string().trim().max(200, "q must be at most 200 characters").optional(),
    /** One tag, or several separated by commas (a workflow must have all of them). */
    tag: z
      .string()
      .max(500, "tag is too long")
      .transform((s) => [
        ...new Set(
          s
            .split(",")
            .map((t) => t.trim())
            .filter(Boolean),
        ),
      ])
      .pipe(z.array(z.string().max(50, "a tag must be at most 50 characters")).max(10, "at most 10 tags"))
      .optional()
      .meta({ description: "one tag, or several separated by commas (a workflow must have all of them)" }),
  })
  .refine((v) => v.skip === undefined || v.cursor === undefined, {
    message: "send either cursor or skip, not both",
    path: ["cursor"],
  });

export type TCreateWorkflow = z.output<typeof ZCreateWorkflow>;
export type TReplaceWorkflow = z.output<typeof ZReplaceWorkflow>;
export type TPatchWorkflow = z.output<typeof ZPatchWorkflow>;
export type TListWorkflowsQuery = z.output<typeof ZListWorkflowsQuery>;
