/**
 * Runs as the API answers them (`src/contracts/run.ts`): one run with its details, the run
 * without them (cancel, live `run` events), and the run list's items. `errorStack` and any
 * column no schema names stay on the server.
 */
import type { z } from "zod";
import { ZNodeResultSummary, ZPublicRun, ZPublicRunListItem, ZPublicRunRow } from "@/contracts/run";
import { jsonObject, pickWire } from "@/contracts/wire";
import { sumUsage } from "@/contracts/usage";
import type { TGraph } from "@/engine/graph-schema";
import { isFinalRunStatus } from "@/engine/statuses";
import type { ExecutionLog, NodeResult, WorkflowRun } from "../db/schema";
import { toPublicLog } from "./to-public-log";
import { toPublicNodeResult } from "./to-public-node-result";

type RunFields = Omit<WorkflowRun, "input" | "errorStack">;

export function toPublicRunRow(run: RunFields): z.input<typeof ZPublicRunRow> {
  // Written by finishRun from the engine's outputs: node id → that node's outputs.
  const output = jsonObject(run.output) as Record<string, Record<string, unknown>> | null;
  return { ...pickWire(ZPublicRunRow, run), output };
}

export function toPublicRun(
  run: RunFields & Pick<WorkflowRun, "input"> & { nodeResults: NodeResult[]; executionLogs: ExecutionLog[] },
): z.input<typeof ZPublicRun> {
  // Written when the run ends; until then, what its nodes have used so far.
  const usage = run.usage ?? (isFinalRunStatus(run.status) ? null : sumUsage(run.nodeResults.map((node) => node.usage)));
  return {
    ...toPublicRunRow(run),
    usage,
    // The graph snapshot createRun stored after validating it.
    input: run.input as TGraph | null,
    nodeResults: run.nodeResults.map(toPublicNodeResult),
    executionLogs: run.executionLogs.map(toPublicLog),
  };
}

export function toPublicRunListItem(
  run: Omit<RunFields, "output"> & {
    nodeResults: Pick<NodeResult, "id" | "nodeId" | "nodeType" | "status" | "cached" | "durationMs" | "usage">[];
  },
): z.input<typeof ZPublicRunListItem> {
  return {
    ...pickWire(ZPublicRunListItem, run),
    nodeResults: run.nodeResults.map((result) => pickWire(ZNodeResultSummary, result)),
  };
}
