/**
 * Workflow versions (DESIGN §9): every change of `workflow.version` writes, or points to, the
 * snapshot of that number. Consecutive saves with the same graph share one entry, which covers
 * `version`..`lastVersion`; any number in that range reads it.
 */
import { z } from "zod";
import { ZWireEdge, ZWireNode } from "./graph";
import { ZIdParams, ZLimit, ZSkip } from "./list-query";
import { ZIsoDate } from "./wire";

export const ZVersionAuthor = z
  .object({ id: z.string(), name: z.string().nullable(), email: z.string() })
  .meta({ id: "VersionAuthor" });

export const ZVersionSummary = z
  .object({
    version: z.number().int().meta({ description: "the save that first had this graph" }),
    lastVersion: z
      .number()
      .int()
      .meta({ description: "the latest save with this same graph (later saves changed only the name or settings)" }),
    createdAt: ZIsoDate,
    message: z.string().nullable().meta({ description: "its name; a named version is kept forever" }),
    nodeCount: z.number().int(),
    edgeCount: z.number().int(),
    author: ZVersionAuthor.nullable(),
    restoredFrom: z.number().int().nullable().meta({ description: "the version this save restored" }),
    current: z.boolean().meta({ description: "the workflow's graph is this version's" }),
    runCount: z.number().int().meta({ description: "runs that ran this version (they keep it from pruning)" }),
  })
  .meta({ id: "VersionSummary" });

export const ZVersionDetail = ZVersionSummary.extend({
  nodes: z.array(ZWireNode),
  edges: z.array(ZWireEdge),
}).meta({ id: "Version" });

export const ZVersionPage = z.object({
  versions: z.array(ZVersionSummary).meta({ description: "newest first" }),
  total: z.number().int(),
  hasMore: z.boolean(),
});

const versionMessage = "version must be a whole number from 1";
const ZVersionNumber = z.coerce
  .number({ error: versionMessage })
  .int(versionMessage)
  .min(1, versionMessage)
  .max(2_147_483_647, versionMessage);

export const ZVersionParams = ZIdParams.extend({ version: ZVersionNumber });

export const ZListVersionsQuery = z.object({ limit: ZLimit, skip: ZSkip.default(0) });

export const ZNameVersion = z.strictObject({
  message: z
    .string({ error: "message must be a string" })
    .trim()
    .min(1, "message must not be empty")
    .max(200, "message must be at most 200 characters"),
  version: ZVersionNumber.optional().meta({ description: "the version to name; the current one when absent" }),
});

export type TVersionSummary = z.output<typeof ZVersionSummary>;
export type TVersionDetail = z.output<typeof ZVersionDetail>;
export type TListVersionsQuery = z.output<typeof ZListVersionsQuery>;
export type TNameVersion = z.output<typeof ZNameVersion>;
