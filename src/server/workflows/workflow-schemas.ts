/** Request schemas of the workflows API. The graph itself is checked by `validateGraph` (assert-valid-graph.ts). */
import { z } from "zod";

const ZName = z
  .string({ error: "name must be a string" })
  .trim()
  .min(1, "name must not be empty")
  .max(200, "name must be at most 200 characters");
const ZDescription = z.string({ error: "description must be a string" }).max(5000, "description must be at most 5000 characters").nullable();
const ZTags = z
  .array(z.string().trim().min(1, "a tag must not be empty").max(50, "a tag must be at most 50 characters"), {
    error: "tags must be an array of strings",
  })
  .max(20, "at most 20 tags")
  .transform((tags) => [...new Set(tags)]);
const ZNodes = z.array(z.unknown(), { error: "nodes must be an array" });
const ZEdges = z.array(z.unknown(), { error: "edges must be an array" });
const ZVersion = z.number({ error: "version must be a number" }).int("version must be a whole number").min(1, "version must be at least 1");

export const ZCreateWorkflow = z.object({
  name: ZName,
  description: ZDescription.optional(),
  nodes: ZNodes.default([]),
  edges: ZEdges.default([]),
  tags: ZTags.optional(),
  isPublic: z.boolean({ error: "isPublic must be true or false" }).optional(),
});

/** PUT: the whole document; fields left out are reset (description null, no tags, private). */
export const ZReplaceWorkflow = z.object({
  name: ZName,
  description: ZDescription.optional(),
  nodes: ZNodes,
  edges: ZEdges,
  tags: ZTags.optional(),
  isPublic: z.boolean({ error: "isPublic must be true or false" }).optional(),
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
    isPublic: z.boolean({ error: "isPublic must be true or false" }).optional(),
    version: ZVersion.optional(),
  })
  .refine((v) => Object.keys(v).some((k) => k !== "version" && v[k as keyof typeof v] !== undefined), {
    message: "nothing to update: send at least one of name, description, nodes, edges, tags, isPublic",
  });

/** Import accepts what export produces (`{format, workflow:{…}}`) or a bare workflow document. */
export const ZImportWorkflow = z.preprocess(
  (value) =>
    value && typeof value === "object" && "workflow" in value && value.workflow && typeof value.workflow === "object"
      ? value.workflow
      : value,
  ZCreateWorkflow.extend({ name: ZName.default("Imported workflow") }),
);

const limitMessage = "limit must be a whole number from 1 to 100";
export const ZLimit = z.coerce
  .number({ error: limitMessage })
  .int(limitMessage)
  .min(1, limitMessage)
  .max(100, limitMessage)
  .default(20);
const skipMessage = "skip must be a whole number from 0 to 100000";
export const ZSkip = z.coerce.number({ error: skipMessage }).int(skipMessage).min(0, skipMessage).max(100_000, skipMessage);

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
      .transform((s) => [...new Set(s.split(",").map((t) => t.trim()).filter(Boolean))])
      .pipe(z.array(z.string().max(50, "a tag must be at most 50 characters")).max(10, "at most 10 tags"))
      .optional(),
  })
  .refine((v) => v.skip === undefined || v.cursor === undefined, {
    message: "send either cursor or skip, not both",
    path: ["cursor"],
  });

export const ZWorkflowParams = z.object({ id: z.string().min(1).max(100) });

export type TCreateWorkflow = z.infer<typeof ZCreateWorkflow>;
export type TReplaceWorkflow = z.infer<typeof ZReplaceWorkflow>;
export type TPatchWorkflow = z.infer<typeof ZPatchWorkflow>;
export type TListWorkflowsQuery = z.infer<typeof ZListWorkflowsQuery>;
