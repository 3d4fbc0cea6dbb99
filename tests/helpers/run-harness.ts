/**
 * Everything a run test needs: a fresh database used by this process, an LLM stub
 * (OpenAI-compatible protocol), configuration pointing at it, optionally the queue with an
 * inline worker, a signed-in user, and small graph builders.
 */
import { useDatabase as installDatabase } from "@/server/db";
import { resetEnvCache } from "@/server/env";
import { stopEventBridge } from "@/server/events/pg-event-bridge";
import { startQueue, stopQueue } from "@/server/jobs/queue";
import { startRunWorker, stopRunWorker } from "@/server/jobs/run-worker";
import { startLlmStub, type LlmStub } from "./llm-stub-server";
import { createTestDatabase, type TestDatabase } from "./test-database";
import { createTestUser, type TestUser } from "./test-user";

export interface RunHarness {
  t: TestDatabase;
  stub: LlmStub;
  alice: TestUser;
  bob: TestUser;
  close(): Promise<void>;
}

export async function startRunHarness(options: { worker?: boolean; env?: Record<string, string>; databaseServerUrl?: string } = {}): Promise<RunHarness> {
  const t = await createTestDatabase(options.databaseServerUrl);
  installDatabase(t.handle);
  const stub = await startLlmStub();
  resetEnvCache({
    GALAXY_WORKER: "off",
    OPENAI_COMPATIBLE_BASE_URL: `${stub.url}/v1`,
    GROQ_API_KEY: "",
    GOOGLE_GENERATIVE_AI_API_KEY: "",
    TRIGGER_SECRET_KEY: "",
    TRIGGER_API_KEY: "",
    GALAXY_WORKER_POLL_MS: "200",
    ...options.env,
  });
  const queue = await startQueue(t.handle);
  if (options.worker !== false) startRunWorker(queue);
  const alice = await createTestUser();
  const bob = await createTestUser();
  return {
    t,
    stub,
    alice,
    bob,
    async close() {
      await stopRunWorker();
      await stopQueue();
      await stopEventBridge();
      await stub.close();
      await t.drop();
      resetEnvCache();
    },
  };
}

type Node = { id: string; type: string; position: { x: number; y: number }; data: Record<string, unknown> };
type Edge = { id: string; source: string; sourceHandle: string; target: string; targetHandle: string };

export const textNode = (id: string, text: string): Node => ({ id, type: "text", position: { x: 0, y: 0 }, data: { text } });
export const llmNode = (id: string, data: Record<string, unknown> = {}): Node => ({
  id,
  type: "llm",
  position: { x: 0, y: 0 },
  data: { provider: "openai-compatible", model: "stub-model", user_message: `message of ${id}`, ...data },
});
export const edge = (source: string, sourceHandle: string, target: string, targetHandle: string): Edge => ({
  id: `${source}.${sourceHandle}->${target}.${targetHandle}`,
  source,
  sourceHandle,
  target,
  targetHandle,
});

/** text → llm-1 → llm-2 → … → llm-n (each llm's user message is its predecessor's output). */
export function llmChain(n: number): { nodes: Node[]; edges: Edge[] } {
  const nodes: Node[] = [textNode("t", "hello")];
  const edges: Edge[] = [];
  for (let i = 1; i <= n; i++) {
    nodes.push(llmNode(`llm-${i}`, { system_prompt: `node llm-${i}` }));
    edges.push(i === 1 ? edge("t", "text", "llm-1", "user_message") : edge(`llm-${i - 1}`, "output", `llm-${i}`, "user_message"));
  }
  return { nodes, edges };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
