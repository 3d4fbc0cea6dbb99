/** The engine's public API: node catalogues, graph checks, planning and the scheduler. No database, no Next.js. */
export { ZGraph, ZGraphEdge, ZGraphNode, type TGraph, type TGraphEdge, type TGraphNode } from "./graph-schema";
export {
  DEFAULT_GRAPH_LIMITS,
  formatIssuePath,
  validateGraph,
  type GraphIssue,
  type GraphIssueCode,
  type GraphLimits,
  type ValidateGraphResult,
} from "./validate-graph";
export { checkReadiness, type ReadinessIssue } from "./check-readiness";
export {
  PORT_TYPES,
  createCatalogue,
  isCanvasOnly,
  type ConnectedValues,
  type NodeCatalogue,
  type NodeSpec,
  type PortSpec,
  type PortType,
} from "./node-catalogue";
export { mergeNodeInput, resolveNodeInput, type ResolveResult } from "./resolve-input";
export { planRun, type RunPlan } from "./plan";
export { DEFAULT_CONCURRENCY, DEFAULT_NODE_TIMEOUT_MS, runGraph } from "./run-graph";
export type {
  EngineHooks,
  ExecuteNode,
  ExecuteNodeResult,
  LogEvent,
  NodeFinishEvent,
  NodeOutcome,
  NodeOutputs,
  NodeStartEvent,
  RunFinishEvent,
  RunGraphOptions,
  RunOutcome,
} from "./run-types";
export { nodeLogName } from "./node-log-name";
export { skipErrorText, type SkipReason, type SkipReasonKind } from "./skip-reasons";
export { computeCacheKey, stableStringify } from "./cache-key";
export { DEFAULT_RETRY_POLICY, isTransientError, retryDelayMs, type RetryPolicy } from "./retry";
export { EngineError, NodeTimeoutError, RunStopError, errorMessage, isRunStopError, type EngineErrorCode } from "./errors";
export {
  LOG_LEVELS,
  NODE_STATUSES,
  RUN_SCOPES,
  RUN_STATUSES,
  isFinalNodeStatus,
  isFinalRunStatus,
  type FinalNodeStatus,
  type FinalRunStatus,
  type LogLevel,
  type NodeStatus,
  type RunScope,
  type RunStatus,
} from "./statuses";
