/**
 * The claim "a node type is one folder plus one registry line", proved: a type written only in
 * this file — a definition and an executor handed to a catalogue — validates, plans, runs
 * through the engine and through the server's run executor (persisted rows), and renders on
 * the canvas with the generic view, without any other file knowing it.
 */
import { ReactFlow, ReactFlowProvider } from "@xyflow/react";
import { asc, eq } from "drizzle-orm";
import { renderToString } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createNodeTypes } from "@/components/canvas/node-types";
import { OutputView } from "@/components/canvas/result-view";
import { checkReadiness } from "@/engine/check-readiness";
import { createCatalogue } from "@/engine/node-catalogue";
import { planRun } from "@/engine/plan";
import { runGraph } from "@/engine/run-graph";
import { edge, node } from "@/engine/test-graph";
import { validateGraph } from "@/engine/validate-graph";
import { useDatabase } from "@/server/db";
import { executionLogs, nodeResults, workflowRuns } from "@/server/db/schema";
import { resetEnvCache } from "@/server/env";
import { checkRunReadiness } from "@/server/runs/check-run-readiness";
import { executeRun } from "@/server/runs/execute-run";
import { insertUser } from "../../tests/helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "../../tests/helpers/test-database";
import { createExecuteNode } from "./execute-node";
import { nodeCatalogue } from "./registry";
import { loadNodeServer } from "./server-catalogue";
import { defineNode, type NodeDefinition, type NodeExecutor, type ServerNodeCatalogue } from "./types";

const shoutNode = defineNode({
  type: "shout",
  label: "Shout",
  description: "Says its words louder, a few times over.",
  icon: "M4 10h3l5-4v12l-5-4H4zM16 9a4 4 0 0 1 0 6",
  color: "#f59e0b",
  sidebar: { section: "AI", order: 9 },
  inputs: { words: { type: "text", label: "Words", required: true }, times: { type: "number", label: "Times" } },
  outputs: { loud: { type: "text", label: "Loud" } },
  data: z.looseObject({ words: z.string().max(1000).optional(), times: z.number().int().min(1).max(5).optional() }),
  resolved: z.object({
    words: z.string({ error: "give it words" }).trim().min(1, "give it words"),
    times: z.number().int().min(1).max(5).default(1),
  }),
  defaults: { times: 1 },
});

const execute: NodeExecutor<typeof shoutNode> = async ({ words, times }, ctx) => {
  ctx.log("info", `shouting ${times} time(s)`);
  return { outputs: { loud: Array.from({ length: times }, () => `${words.toUpperCase()}!`).join(" ") }, meta: { times } };
};

/** The app's types plus the throwaway one, whose server side is the executor above. */
const catalogue: ServerNodeCatalogue = {
  ...createCatalogue<NodeDefinition>([...nodeCatalogue.list(), shoutNode]),
  loadServer: async (definition) => (definition === shoutNode ? { execute } : loadNodeServer(definition)),
};

/** A text node feeding the shout node, which is told to shout twice. */
const graph = {
  nodes: [node("hello", "text", { text: "hello there" }), node("loud", "shout", { times: 2 })],
  edges: [edge("hello", "loud", "text", "words")],
};

describe("a node type known only to this file", () => {
  let t: TestDatabase;
  let userId: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    useDatabase(t.handle);
    resetEnvCache({ GALAXY_WORKER: "off" });
    userId = (await insertUser(t.handle.db)).id;
  });
  afterAll(async () => {
    resetEnvCache();
    await t?.drop();
  });

  it("is unknown to the app's own catalogue", () => {
    expect(validateGraph(graph, nodeCatalogue)).toMatchObject({ ok: false, issues: [{ code: "unknown_node_type", path: "nodes[1].type" }] });
  });

  it("validates, with its ports and params checked like any other", () => {
    expect(validateGraph(graph, catalogue)).toMatchObject({ ok: true });
    const bad = validateGraph(
      { nodes: [node("pic", "uploadImage"), node("loud", "shout", { times: 9 })], edges: [edge("pic", "loud", "image", "words")] },
      catalogue,
    );
    expect(bad.ok ? [] : bad.issues.map((i) => i.code)).toEqual(["invalid_data", "type_mismatch"]);
  });

  it("plans, and is ready only with words connected or typed", () => {
    expect(planRun(graph, "SINGLE", ["loud"]).nodeIds).toEqual(["hello", "loud"]);
    expect(checkReadiness(graph, ["hello", "loud"], catalogue)).toEqual([]);
    const alone = { nodes: [node("quiet", "shout")], edges: [] };
    expect(checkReadiness(alone, ["quiet"], catalogue)).toEqual([{ nodeId: "quiet", nodeType: "shout", field: "words", message: "give it words" }]);
  });

  it("runs through the engine with the catalogue's executor", async () => {
    const logs: string[] = [];
    const outcome = await runGraph({
      graph,
      scope: "FULL",
      executeNode: createExecuteNode(catalogue, { userId, runId: "engine-only", log: (e) => void logs.push(`${e.nodeId}: ${e.message}`) }),
    });
    expect(outcome).toMatchObject({ status: "COMPLETED", outputs: { loud: { loud: "HELLO THERE! HELLO THERE!" } } });
    expect(logs).toContain("loud: shouting 2 time(s)");
  });

  it("passes the server's readiness check and runs through the server's run executor", async () => {
    expect(await checkRunReadiness(userId, graph, ["hello", "loud"], catalogue)).toEqual([]);
    const [run] = await t.handle.db
      .insert(workflowRuns)
      .values({ userId, status: "QUEUED", scope: "FULL", targetNodeIds: [], input: graph })
      .returning({ id: workflowRuns.id });

    const result = await executeRun(run.id, { catalogue });

    expect(result).toMatchObject({ kind: "finished", outcome: { status: "COMPLETED" } });
    const [row] = await t.handle.db.select().from(workflowRuns).where(eq(workflowRuns.id, run.id));
    expect(row.status).toBe("COMPLETED");
    const results = await t.handle.db.select().from(nodeResults).where(eq(nodeResults.runId, run.id)).orderBy(asc(nodeResults.nodeId));
    expect(results.map((r) => [r.nodeId, r.nodeType, r.status, r.output])).toEqual([
      ["hello", "text", "SUCCESS", { text: "hello there" }],
      ["loud", "shout", "SUCCESS", { loud: "HELLO THERE! HELLO THERE!" }],
    ]);
    const logs = await t.handle.db.select().from(executionLogs).where(eq(executionLogs.runId, run.id));
    expect(logs.map((l) => l.message)).toContain("shouting 2 time(s)");
  });

  it("renders on the canvas with the generic view: its label, its input ports, its output, and its result", () => {
    const nodeTypes = createNodeTypes(catalogue);
    const nodes = [{ id: "loud", type: "shout", position: { x: 0, y: 0 }, data: { times: 2 }, width: 300, height: 160 }];
    // React Flow renders nodes on the server when it knows their size and starts from them.
    const html = renderToString(
      <ReactFlowProvider initialNodes={nodes} initialWidth={800} initialHeight={600}>
        <ReactFlow nodes={nodes} edges={[]} nodeTypes={nodeTypes} width={800} height={600} />
      </ReactFlowProvider>,
    );
    expect(html).toContain('data-testid="node-loud"');
    expect(html).toContain('data-node-type="shout"');
    expect(html).toContain(">Shout<");
    expect(html).toContain('data-testid="port-words"');
    expect(html).toContain('data-testid="port-times"');
    expect(html).toContain('aria-label="Words input (text)"');
    expect(html).toContain('data-testid="out-loud"');
    expect(html).toContain('aria-label="Loud output (text)"');

    const result = renderToString(<OutputView nodeId="loud" ports={shoutNode.outputs} output={{ loud: "HELLO THERE!" }} />);
    expect(result).toContain('data-testid="result-text-loud"');
    expect(result).toContain("HELLO THERE!");
  });
});
