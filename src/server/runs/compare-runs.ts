/**
 * Two of the caller's runs side by side, node by node (DESIGN §9). Nodes are matched by id,
 * in a's graph order and then those only b has; "changed" compares canonical JSON, so key
 * order never counts as a change. A node's label is not one of its params: a rename alone
 * is not a change.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { TCompareNodeSide, ZRunComparison } from "@/contracts/run-compare";
import { jsonObject, pickWire } from "@/contracts/wire";
import { ZCompareRun } from "@/contracts/run-compare";
import { isCanvasOnly, stableStringify, type TGraph, type TGraphNode } from "@/engine";
import { nodeName } from "@/nodes/node-name";
import { nodeCatalogue } from "@/nodes/registry";
import { getDb } from "../db";
import { nodeResults, workflowRuns, type NodeResult } from "../db/schema";
import { notFound } from "../http/errors";

type Side = { node: TGraphNode; result: NodeResult | undefined };

export async function compareRuns(userId: string, aId: string, bId: string): Promise<z.input<typeof ZRunComparison>> {
  const [a, b] = await Promise.all([loadRun(userId, aId, "a"), loadRun(userId, bId, "b")]);
  const aNodes = sidesById(a);
  const bNodes = sidesById(b);
  const ids = [...new Set([...aNodes.keys(), ...bNodes.keys()])];
  return {
    a: pickWire(ZCompareRun, a.run),
    b: pickWire(ZCompareRun, b.run),
    nodes: ids.map((nodeId) => {
      const left = aNodes.get(nodeId);
      const right = bNodes.get(nodeId);
      const sideA = left && toSide(left);
      const sideB = right && toSide(right);
      const differs = (pick: (side: TCompareNodeSide) => unknown) =>
        sideA !== undefined && sideB !== undefined && stableStringify(pick(sideA)) !== stableStringify(pick(sideB));
      const named = (right ?? left)!.node;
      return {
        nodeId,
        label: nodeName(named),
        type: named.type,
        a: sideA ?? null,
        b: sideB ?? null,
        changed: { params: differs((s) => s.params), inputs: differs((s) => s.inputs), outputs: differs((s) => s.outputs) },
      };
    }),
  };
}

async function loadRun(userId: string, runId: string, which: "a" | "b") {
  const db = await getDb();
  const [run] = await db
    .select()
    .from(workflowRuns)
    .where(and(eq(workflowRuns.id, runId), eq(workflowRuns.userId, userId)))
    .limit(1);
  if (!run) throw notFound(`run ${which}`);
  const results = await db.select().from(nodeResults).where(eq(nodeResults.runId, run.id));
  return { run, results };
}

function sidesById({ run, results }: Awaited<ReturnType<typeof loadRun>>): Map<string, Side> {
  // The graph snapshot createRun stored after validating it.
  const graph = run.input as TGraph | null;
  const byNode = new Map(results.map((result) => [result.nodeId, result]));
  // Notes and frames are in the snapshot but never run: nothing to compare.
  const ran = (graph?.nodes ?? []).filter((node) => !isCanvasOnly(nodeCatalogue, node.type));
  return new Map(ran.map((node) => [node.id, { node, result: byNode.get(node.id) }]));
}

function toSide({ node, result }: Side): TCompareNodeSide {
  const { label: _label, ...params } = (jsonObject(node.data) ?? {}) as Record<string, unknown>;
  return {
    status: result?.status ?? "IDLE",
    params,
    inputs: jsonObject(result?.input),
    outputs: jsonObject(result?.output),
    error: result?.error ?? null,
    cached: result?.cached ?? false,
    usage: result?.usage ?? null,
    durationMs: result?.durationMs ?? null,
  };
}
