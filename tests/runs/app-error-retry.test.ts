/**
 * Our own AppError (here a 503, as store-asset-file throws when file storage fails) thrown by an
 * executor fails its node at the first attempt; a provider's 503 is retried. Through the server's
 * run executor, with its rows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { createCatalogue } from "@/engine/node-catalogue";
import { nodeCatalogue } from "@/nodes/registry";
import { loadNodeServer } from "@/nodes/server-catalogue";
import { defineNode, type NodeDefinition, type ServerNodeCatalogue } from "@/nodes/types";
import { executionLogs, nodeResults, workflowRuns } from "@/server/db/schema";
import { AppError } from "@/server/http/errors";
import { executeRun } from "@/server/runs/execute-run";
import { startRunHarness, type RunHarness } from "../helpers/run-harness";
import { testEngine } from "../helpers/test-database";

const storeNode = defineNode({
  type: "store",
  label: "Store",
  description: "Stores a file; throws what the test says.",
  icon: "M4 4h16v16H4z",
  color: "#64748b",
  sidebar: "hidden",
  inputs: {},
  outputs: { out: { type: "text", label: "Out" } },
  data: z.looseObject({}),
  resolved: z.object({}),
  defaults: {},
});

let throwNext: () => never;
let calls = 0;
const catalogue: ServerNodeCatalogue = {
  ...createCatalogue<NodeDefinition>([...nodeCatalogue.list(), storeNode]),
  loadServer: async (definition) =>
    definition === storeNode
      ? {
          execute: async () => {
            calls++;
            throwNext();
          },
        }
      : loadNodeServer(definition),
};

let h: RunHarness;
beforeAll(async () => {
  h = await startRunHarness({ worker: false });
});
afterAll(async () => {
  await h?.close();
});

async function runStoreNode(): Promise<{ status: string; error: string | null; retryLines: number }> {
  calls = 0;
  const graph = { nodes: [{ id: "s", type: "store", position: { x: 0, y: 0 }, data: {} }], edges: [] };
  const [run] = await h.t.handle.db
    .insert(workflowRuns)
    .values({ userId: h.alice.user.id, status: "QUEUED", scope: "FULL", input: graph })
    .returning({ id: workflowRuns.id });
  expect((await executeRun(run.id, { catalogue })).kind).toBe("finished");
  const [node] = await h.t.handle.db
    .select()
    .from(nodeResults)
    .where(and(eq(nodeResults.runId, run.id), eq(nodeResults.nodeId, "s")));
  const logs = await h.t.handle.db.select({ message: executionLogs.message }).from(executionLogs).where(eq(executionLogs.runId, run.id));
  return { status: node.status, error: node.error, retryLines: logs.filter((l) => l.message.includes("retrying")).length };
}

describe(`an executor's own AppError on ${testEngine}`, () => {
  it("an AppError 503 fails the node at the first attempt", async () => {
    throwNext = () => {
      throw new AppError("UNAVAILABLE", "file storage failed: bucket unreachable");
    };
    expect(await runStoreNode()).toEqual({ status: "FAILED", error: "file storage failed: bucket unreachable", retryLines: 0 });
    expect(calls).toBe(1);
  });

  it("a provider's 503 is retried up to the policy's attempts", async () => {
    throwNext = () => {
      throw Object.assign(new Error("provider overloaded"), { statusCode: 503, retryAfterMs: 0 });
    };
    expect(await runStoreNode()).toEqual({ status: "FAILED", error: "provider overloaded", retryLines: 2 });
    expect(calls).toBe(3);
  });
});
