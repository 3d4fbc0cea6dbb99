import type { LogLevel } from "@/engine/statuses";
import type { NodeRunContext } from "@/nodes/types";

/** A NodeRunContext for calling an executor directly; `logs` collects what it logged. */
export function nodeContext(userId: string, overrides: Partial<NodeRunContext> = {}) {
  const logs: { level: LogLevel; message: string }[] = [];
  const ctx: NodeRunContext = {
    userId,
    runId: "run_test",
    nodeId: "node_test",
    attempt: 1,
    signal: new AbortController().signal,
    log: (level, message) => logs.push({ level, message }),
    ...overrides,
  };
  return { ctx, logs };
}
