/**
 * The shape every node type declares: ports, parameters and defaults, as data.
 * Client-safe: the canvas, the graph validator and the engine all read these.
 * Executors live beside each definition in `execute.ts` (server-only) and are
 * loaded lazily through `src/nodes/executors.ts`.
 */
import type { z } from "zod";

export const PORT_TYPES = ["text", "image", "video", "number"] as const;
export type PortType = (typeof PORT_TYPES)[number];

export interface PortSpec {
  type: PortType;
  label: string;
  /** The node cannot run unless this input is connected or set by hand. */
  required?: boolean;
  /** Accepts many connections; the executor receives an array. */
  many?: boolean;
}

export interface NodeDefinition<
  TData extends z.ZodType = z.ZodType,
  TResolved extends z.ZodType = z.ZodType,
> {
  type: string;
  label: string;
  description: string;
  /** A short glyph shown on the node and in the sidebar. */
  icon: string;
  inputs: Record<string, PortSpec>;
  outputs: Record<string, PortSpec>;
  /**
   * What is saved in `node.data`: lenient, so a half-finished node (empty prompt,
   * no upload yet) saves happily, but every value present has the right type and range.
   * Unknown (UI-only) keys pass through.
   */
  data: TData;
  /**
   * What the executor receives: `data` merged with connected inputs (a connection wins
   * over the manual value). Strict: a failure here is a readiness error, reported
   * when a run is requested.
   */
  resolved: TResolved;
  /** The `data` a freshly added node starts with. */
  defaults: z.input<TData>;
}

export type ResolvedInput<D extends NodeDefinition> = z.output<D["resolved"]>;

export type LogLevel = "debug" | "info" | "warning" | "error";

/** What the server gives an executor besides its input. */
export interface NodeRunContext {
  userId: string;
  runId: string;
  nodeId: string;
  signal: AbortSignal;
  log: (level: LogLevel, message: string, metadata?: Record<string, unknown>) => void;
}

export interface NodeRunResult {
  /** Keyed by output port name. */
  outputs: Record<string, unknown>;
  /** Extra facts recorded on the node result (token usage, pixel sizes…). */
  meta?: Record<string, unknown>;
}

export type NodeExecutor<D extends NodeDefinition = NodeDefinition> = (
  input: ResolvedInput<D>,
  ctx: NodeRunContext,
) => Promise<NodeRunResult>;

/** Helper so each definition keeps its literal types while checked against the interface. */
export function defineNode<TData extends z.ZodType, TResolved extends z.ZodType>(
  def: NodeDefinition<TData, TResolved>,
): NodeDefinition<TData, TResolved> {
  return def;
}
