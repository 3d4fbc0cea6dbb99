/**
 * Creates a run: from a saved workflow (the caller's; 404 otherwise) or an ad-hoc graph,
 * for the whole graph, a selection (`nodeIds`, PARTIAL) or one node (SINGLE). Validates the
 * graph's structure and the readiness of the nodes that may execute, stores the run QUEUED
 * with the graph snapshot and its budget (the request's, which replaces the workflow's
 * default `settings.budget`), and enqueues it — or, when this process's inline worker has a
 * free slot, stores it already claimed with its job active and starts it at once
 * (start-run-here.ts). The run itself never lives in the request.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import type { TExecuteBody } from "@/contracts/run";
import type { TBudget } from "@/contracts/usage";
import { EngineError, isCanvasOnly, nodeLogName, planRun, stableStringify, type RunPlan, type RunScope, type TGraph } from "@/engine";
import { nodeCatalogue } from "@/nodes/registry";
import { getDatabase } from "../db";
import { workflowRuns, workflows } from "../db/schema";
import { AppError, notFound } from "../http/errors";
import { createId } from "@/lib/ids";
import { env } from "../env";
import { enqueueRun, runJobSettings } from "../jobs/enqueue-run";
import { RUN_QUEUE } from "../jobs/queue";
import { reserveInlineSlot } from "../jobs/run-worker";
import { logger } from "../log";
import { assertValidGraph } from "../workflows/assert-valid-graph";
import { checkRunReadiness } from "./check-run-readiness";
import { startRunHere } from "./start-run-here";

export interface CreatedRun {
  runId: string;
  /** Started at once by this process's worker (its end is published on this process's bus). */
  startedHere: boolean;
}

export async function createRun(userId: string, body: TExecuteBody): Promise<CreatedRun> {
  const handle = await getDatabase();
  let workflowId: string | null = null;
  let raw: { nodes: unknown; edges: unknown } = { nodes: body.nodes, edges: body.edges };
  let budget: TBudget | null = body.budget ?? null;
  let saved: { version: number; graph: { nodes: unknown; edges: unknown } } | null = null;
  if (body.workflowId !== undefined) {
    const [workflow] = await handle.db
      .select({ id: workflows.id, nodes: workflows.nodes, edges: workflows.edges, settings: workflows.settings, version: workflows.version })
      .from(workflows)
      .where(and(eq(workflows.id, body.workflowId), eq(workflows.userId, userId)))
      .limit(1);
    if (!workflow) throw notFound("workflow");
    workflowId = workflow.id;
    if (body.nodes === undefined) raw = { nodes: workflow.nodes, edges: workflow.edges };
    budget ??= workflow.settings.budget ?? null;
    saved = { version: workflow.version, graph: { nodes: workflow.nodes, edges: workflow.edges } };
  }

  const graph = assertValidGraph(raw);
  const workflowVersion = saved && (body.nodes === undefined ? saved.version : versionIfSame(saved, graph));
  // Notes and frames among the chosen nodes are left out: the run's scope and targets are what runs.
  const chosen = body.nodeIds === undefined ? undefined : withoutCanvasOnly(graph, [...new Set(body.nodeIds)]);
  if (chosen?.length === 0) throw new AppError("BAD_REQUEST", "Nothing to run: the chosen nodes are notes or frames, which are never run.");
  const scope: RunScope = chosen === undefined ? "FULL" : chosen.length === 1 ? "SINGLE" : "PARTIAL";
  const targetNodeIds = chosen ?? [];
  const plan = planOrThrow(graph, scope, targetNodeIds);
  if (plan.nodeIds.length === 0) throw new AppError("BAD_REQUEST", nothingToRun(graph));

  const issues = await checkRunReadiness(userId, graph, plan.nodeIds);
  if (issues.length > 0) {
    // Named as people named them (`data.label`), with the id.
    const byId = new Map(graph.nodes.map((node) => [node.id, nodeLogName(node)]));
    const nameOf = (nodeId: string) => byId.get(nodeId) ?? JSON.stringify(nodeId);
    const names = [...new Set(issues.map((issue) => nameOf(issue.nodeId)))].join(", ");
    throw new AppError("NOT_READY", `not ready to run: ${issues.map((i) => `${nameOf(i.nodeId)}: ${i.message}`).join("; ")}`, {
      issues: issues.map((issue) => ({ path: `nodes.${issue.nodeId}.${issue.field}`, message: issue.message, code: "not_ready" })),
      extra: { nodes: issues, summary: `nodes not ready: ${names}` },
    });
  }

  const toStore = { userId, workflowId, scope, source: body.source ?? "api", targetNodeIds, input: graph, budget, workflowVersion };
  // Trigger.dev runs every run it is given: no worker here takes one.
  const slot = env().TRIGGER_SECRET_KEY ? undefined : reserveInlineSlot();
  if (slot) {
    try {
      const started = await startRunHere(handle, { id: createId(), ...toStore }, { queue: RUN_QUEUE, ...runJobSettings(plan.nodeIds.length) });
      slot.start(started.jobId, started.run);
      return { runId: started.run.id, startedHere: true };
    } catch (error) {
      slot.release();
      throw error;
    }
  }

  const [run] = await handle.db
    .insert(workflowRuns)
    .values({ ...toStore, status: "QUEUED" })
    .returning({ id: workflowRuns.id });
  try {
    await enqueueRun(handle, run.id, plan.nodeIds.length);
  } catch (error) {
    logger("runs").error({ runId: run.id, err: error }, "could not enqueue the run");
    await handle.db
      .update(workflowRuns)
      .set({ status: "FAILED", errorMessage: "could not enqueue the run", completedAt: new Date() })
      .where(and(eq(workflowRuns.id, run.id), eq(workflowRuns.status, "QUEUED")));
    throw new AppError("UNAVAILABLE", "the job queue is unavailable; try again shortly");
  }
  return { runId: run.id, startedHere: false };
}

/** A graph sent with a workflowId ran the saved version only when it equals the saved graph. */
function versionIfSame(saved: { version: number; graph: { nodes: unknown; edges: unknown } }, graph: TGraph): number | null {
  return stableStringify(saved.graph) === stableStringify(graph) ? saved.version : null;
}

/** Why a full run's plan came out empty, in plain words: no nodes, or only notes and frames (which never run). */
function nothingToRun(graph: TGraph): string {
  if (graph.nodes.length > 0) return "Nothing to run: this workflow has only notes and frames, which are never run. Add a node that does something.";
  return "the graph has no nodes to run";
}

/** The ids without those of canvas-only nodes; an unknown id stays (planning reports it). */
function withoutCanvasOnly(graph: TGraph, ids: string[]): string[] {
  const types = new Map(graph.nodes.map((node) => [node.id, node.type]));
  return ids.filter((id) => !isCanvasOnly(nodeCatalogue, types.get(id) ?? ""));
}

function planOrThrow(graph: TGraph, scope: RunScope, targetNodeIds: string[]): RunPlan {
  try {
    return planRun(graph, scope, targetNodeIds, nodeCatalogue);
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    const issues =
      error.code === "UNKNOWN_TARGET"
        ? targetNodeIds
            .map((id, i) => ({ id, i }))
            .filter(({ id }) => !graph.nodes.some((node) => node.id === id))
            .map(({ id, i }) => ({ path: `nodeIds[${i}]`, message: `no node with id "${id}"`, code: "unknown_node" }))
        : [{ path: "nodeIds", message: error.message, code: error.code.toLowerCase() }];
    throw new AppError("VALIDATION_FAILED", error.message, { issues });
  }
}
