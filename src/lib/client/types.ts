/** What the API answers with, as the browser sees it (dates are ISO strings). */
import type { NodeStatus, RunScope, RunStatus } from "@/engine/statuses";
import type { Edge, Node } from "@xyflow/react";

export type { NodeStatus, RunScope, RunStatus };

export type WireNode = Pick<Node, "id" | "type" | "position"> & { type: string; data: Record<string, unknown> };
export type WireEdge = Pick<Edge, "id" | "source" | "target"> & { sourceHandle: string; targetHandle: string };
export interface WireGraph {
  nodes: WireNode[];
  edges: WireEdge[];
}

export interface RunSummary {
  id: string;
  status: RunStatus;
  createdAt: string;
  scope?: RunScope;
  startedAt?: string | null;
  completedAt?: string | null;
  durationMs?: number | null;
}

export interface WorkflowSummary {
  id: string;
  name: string;
  description: string | null;
  tags: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
  lastRun?: RunSummary | null;
}

export interface Workflow extends WorkflowSummary, WireGraph {
  runs?: RunSummary[];
}

export interface NodeResult {
  nodeId: string;
  nodeType: string;
  status: NodeStatus;
  input?: unknown;
  output?: Record<string, unknown> | null;
  error?: string | null;
  meta?: Record<string, unknown> | null;
  cached?: boolean;
  startedAt?: string | null;
  completedAt?: string | null;
  durationMs?: number | null;
}

export interface ExecutionLog {
  id?: string;
  level: string;
  message: string;
  nodeId?: string | null;
  timestamp: string;
}

export interface Run extends RunSummary {
  workflowId?: string | null;
  targetNodeIds?: string[] | null;
  errorMessage?: string | null;
  output?: unknown;
  nodeResults?: NodeResult[];
  executionLogs?: ExecutionLog[];
}

export interface Asset {
  id: string;
  url: string;
  kind: string;
  mime: string;
  size: number;
  width?: number | null;
  height?: number | null;
  durationMs?: number | null;
  originalName?: string | null;
}

export interface Integrations {
  database?: unknown;
  auth?: unknown;
  queue?: unknown;
  storage?: unknown;
  providers?: Partial<Record<"google" | "groq" | "openai-compatible", boolean>>;
}
