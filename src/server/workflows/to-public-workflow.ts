/** Workflows as the API answers them (`src/contracts/workflow.ts`). */
import type { z } from "zod";
import type { TUsageTotals } from "@/contracts/usage";
import { pickWire } from "@/contracts/wire";
import { ZLastRun, ZPublicWorkflow, ZPublicWorkflowSummary, ZWorkflowRunSummary } from "@/contracts/workflow";
import type { TGraphEdge, TGraphNode } from "@/engine/graph-schema";
import type { Workflow, WorkflowRun } from "../db/schema";
import type { RawPreview } from "./graph-preview-sql";
import { toPublicPreview } from "./to-public-preview";

type RunSummaryRow = Pick<
  WorkflowRun,
  "id" | "status" | "scope" | "createdAt" | "startedAt" | "completedAt" | "durationMs" | "errorMessage" | "usage" | "workflowVersion"
>;

export type WorkflowSummaryRow = Pick<
  Workflow,
  "id" | "name" | "description" | "tags" | "isPublic" | "version" | "settings" | "createdAt" | "updatedAt"
> & {
  lastRun: Pick<WorkflowRun, "id" | "status" | "createdAt"> | null;
  usage30d: TUsageTotals | null;
  preview: RawPreview;
};

/** `runs` and `usage30d` only when read for `GET /api/workflows/{id}`. */
export function toPublicWorkflow(
  workflow: Workflow & { runs?: RunSummaryRow[]; usage30d?: TUsageTotals | null },
): z.input<typeof ZPublicWorkflow> {
  return {
    ...pickWire(ZPublicWorkflow, workflow),
    // Stored only after the graph validator accepted them (every save checks the structure).
    nodes: workflow.nodes as TGraphNode[],
    edges: workflow.edges as TGraphEdge[],
    runs: workflow.runs?.map((run) => pickWire(ZWorkflowRunSummary, run)),
    usage30d: workflow.usage30d,
  };
}

/** A workflow in the list; `runs` keeps the seed's shape (the latest run, or none). */
export function toPublicWorkflowSummary(row: WorkflowSummaryRow): z.input<typeof ZPublicWorkflowSummary> {
  const lastRun = row.lastRun && pickWire(ZLastRun, row.lastRun);
  return {
    ...pickWire(ZPublicWorkflowSummary, row),
    lastRun,
    runs: lastRun ? [lastRun] : [],
    usage30d: row.usage30d,
    preview: toPublicPreview(row.preview),
  };
}
