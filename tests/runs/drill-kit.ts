/**
 * Shared pieces of the fault drills (shutdown, database outage): runs of text → LLM → LLM
 * whose every model call is told apart by its run's own text, started through the real
 * route; their ends awaited from the database; and the calls the model stub received more
 * than once — the figure that must be 0.
 */
import type { ChildProcess } from "node:child_process";
import { inArray } from "drizzle-orm";
import { POST as execute } from "@/app/api/execute/route";
import { executionLogs, workflowRuns } from "@/server/db/schema";
import { callRoute } from "../helpers/call-route";
import { llmChain, sleep, type RunHarness } from "../helpers/run-harness";

/** Starts `count` runs of text ("drill run k") → llm-1 → llm-2; their ids. */
export async function startDrillRuns(h: RunHarness, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let k = 0; k < count; k++) {
    const { nodes, edges } = llmChain(2);
    nodes[0].data.text = `drill run ${k}`;
    const res = await callRoute(execute, "/api/execute", { method: "POST", headers: h.alice.headers, body: { nodes, edges } });
    if (res.status !== 202) throw new Error(`could not start run ${k}: ${res.status} ${res.text}`);
    ids.push(res.json!.runId as string);
  }
  return ids;
}

/** Waits (bounded) until none of `runIds` is QUEUED or RUNNING; returns their rows. */
export async function waitForDrillRuns(h: RunHarness, runIds: string[], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await h.t.handle.db.select().from(workflowRuns).where(inArray(workflowRuns.id, runIds));
    if (rows.every((row) => row.status !== "QUEUED" && row.status !== "RUNNING")) return rows;
    if (Date.now() > deadline) throw new Error(`runs still unfinished after ${timeoutMs} ms: ${rows.filter((r) => r.status === "RUNNING" || r.status === "QUEUED").length}`);
    await sleep(250);
  }
}

/** Model calls the stub received more than once (same node, same input): "node llm-1 | drill run 3" → 2. */
export function callsMadeTwice(h: RunHarness): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of h.stub.requests) {
    const key = `${r.systemPrompt} | ${r.userMessage}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return new Map([...counts].filter(([, n]) => n > 1));
}

/** The run log lines of `runIds`, as stored. */
export function drillLogs(h: RunHarness, runIds: string[]) {
  return h.t.handle.db.select().from(executionLogs).where(inArray(executionLogs.runId, runIds));
}

/** Resolves with the exit code when `child` exits, or rejects after `timeoutMs`. */
export function exitOf(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`process ${child.pid} still running after ${timeoutMs} ms`)), timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}
