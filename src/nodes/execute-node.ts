/**
 * The engine's `executeNode` over a catalogue: a node's input is its data merged with its
 * connected values and checked by its definition, then its type's executor runs with the
 * run's context. One wiring for the run executor, the benchmarks and the tests. What an
 * executor throws reaches the engine's retry rule as it is (our own `AppError` says
 * `retryable: false` itself).
 */
import { resolveNodeInput } from "@/engine/resolve-input";
import type { ExecuteNode, LogEvent } from "@/engine/run-types";
import type { CallMeter, ServerNodeCatalogue } from "./types";

export interface NodeRunScope {
  userId: string;
  runId: string;
  /** A node's own log lines, with its id. */
  log: (event: LogEvent & { nodeId: string }) => void;
  /** Text a node streams as it produces it (see `NodeRunContext.onTextDelta`). */
  onTextDelta?: (nodeId: string, attempt: number, text: string) => void;
  /** The run's usage and budgets, for a node's model calls (see `NodeRunContext.meter`). */
  meter?: (nodeId: string) => CallMeter;
}

/**
 * @example
 * const executeNode = createExecuteNode(serverNodeCatalogue, { userId, runId, log: (e) => recorder.log(e) });
 * await runGraph({ graph, scope: "FULL", executeNode });
 */
export function createExecuteNode(catalogue: ServerNodeCatalogue, run: NodeRunScope): ExecuteNode {
  const { onTextDelta } = run;
  return async (node, connected, signal, attempt) => {
    const definition = catalogue.get(node.type);
    if (!definition) throw new Error(`unknown node type "${node.type}"`);
    const input = resolveNodeInput(definition, node.data, connected);
    if (!input.ok) throw new Error(input.problems.map((p) => `${p.field}: ${p.message}`).join("; "));
    const { execute } = await catalogue.loadServer(definition);
    return execute(input.value, {
      userId: run.userId,
      runId: run.runId,
      nodeId: node.id,
      attempt,
      signal,
      log: (level, message, metadata) => run.log({ level, message, nodeId: node.id, ...(metadata && { metadata }) }),
      ...(onTextDelta && { onTextDelta: (text: string) => onTextDelta(node.id, attempt, text) }),
      ...(run.meter && { meter: run.meter(node.id) }),
    });
  };
}
