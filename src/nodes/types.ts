/**
 * What a node type declares: the engine's spec (ports, params) plus everything the editor
 * asks about it — label, icon, colour, sidebar place, how its result shows, its canvas view —
 * as data. Client-safe. The server side (executor, readiness check) is `<folder>/server.ts`,
 * found by folder name (server-catalogue.ts) so no client bundle can reach it.
 */
import type { NodeProps } from "@xyflow/react";
import type { ComponentType } from "react";
import type { z } from "zod";
import type { NodeCatalogue, NodeSpec, PortSpec } from "@/engine/node-catalogue";
import type { TUsage } from "@/contracts/usage";
import type { LogLevel } from "@/engine/statuses";

export interface NodePort extends PortSpec {
  label: string;
}

/** The editor's node panel, in this order. */
export const SIDEBAR_SECTIONS = ["Inputs", "AI", "Media", "Canvas"] as const;
export type SidebarSection = (typeof SIDEBAR_SECTIONS)[number];

/** What the editor knows when a node is added. */
export interface AddNodeContext {
  /** Model providers this server has configured; null until known. */
  providers: Partial<Record<string, boolean>> | null;
}

export interface NodeDefinition<TData extends z.ZodType = z.ZodType, TResolved extends z.ZodType = z.ZodType>
  extends NodeSpec<TData, TResolved> {
  label: string;
  description: string;
  inputs: Record<string, NodePort>;
  outputs: Record<string, NodePort>;
  /** SVG path data on a 24×24 grid, drawn as a 1.8-wide line: the node's icon on the canvas and in the sidebar. */
  icon: string;
  /** The node's colour: its minimap shape and icon accent (ports keep their type's colour). */
  color: string;
  /** Where the node panel offers it; "hidden" for an alias kept so saved graphs still load. */
  sidebar: { section: SidebarSection; order: number } | "hidden";
  /**
   * Whether a successful result shows under the node, each output by its port type (text,
   * image preview, video player). False when the node already shows what it outputs.
   */
  inlineResult?: false;
  /** Outputs known from the node's data without running it (an upload's file), for previews downstream. */
  knownOutputs?: (data: Record<string, unknown>) => Record<string, unknown> | undefined;
  /** The `data` a freshly added node starts with. */
  defaults: z.input<TData>;
  /** Data laid over `defaults` when the editor adds one, from what it knows then. */
  initialData?: (context: AddNodeContext) => Record<string, unknown> | undefined;
  /** The node's canvas view, loaded in the browser; without one the canvas draws the generic view. */
  component?: () => Promise<{ default: NodeView }>;
  /** A canvas-only type's size when added (it is resizable; `width`/`height` are saved on the node). */
  initialSize?: { width: number; height: number };
  /** Its depth on the canvas (React Flow's zIndex); a frame's is far below every node's, even selected. */
  zIndex?: number;
  /** The folder under `src/nodes/` whose `server.ts` runs this type (default: `type`); an alias names its original's. */
  folder?: string;
}

/**
 * What a node view is given: only what it draws from. Not React Flow's position, size or z-index,
 * which change on every drag step and after every measuring; a view re-renders only when one of
 * these does (`components/canvas/node-types.tsx`), which keeps 500-node canvases fast.
 */
export type NodeViewProps = Pick<NodeProps, "id" | "type" | "data" | "selected"> & { definition: NodeDefinition };
export type NodeView = ComponentType<NodeViewProps>;

export type ResolvedInput<D extends NodeDefinition> = z.output<D["resolved"]>;
export type SavedData<D extends NodeDefinition> = z.output<D["data"]>;

/** What the server gives an executor besides its input. */
export interface NodeRunContext {
  userId: string;
  runId: string;
  nodeId: string;
  /** This call's attempt, from 1 (the engine retries transient errors). */
  attempt: number;
  signal: AbortSignal;
  log: (level: LogLevel, message: string, metadata?: Record<string, unknown>) => void;
  /** Counts model calls against the run's usage and budgets; absent outside a recorded run. */
  meter?: CallMeter;
  /**
   * Streams text as it is produced (an LLM's answer), a piece at a time; the final output still
   * carries the whole text. Absent when nobody listens.
   */
  onTextDelta?: (text: string) => void;
}

/** A model call about to start, as the run's budgets see it (`CallMeter.reserve`). */
export interface PlannedModelCall {
  provider: string;
  model: string;
  /** US dollars per million tokens; null when the price is unknown. */
  price: { inputPerMillion: number; outputPerMillion: number } | null;
  /** The prompt's estimated size in tokens (about characters / 4, plus images). */
  promptTokens: number;
  /** The node's `maxTokens`, when it has one. */
  maxOutputTokens?: number;
}

/** A call counted against the run's budgets (at its estimate) until it settles. */
export interface ModelCallReservation {
  /** After the call, whatever happened: what it used (null when nothing was reported). Never rejects. */
  settle(usage: TUsage | null): Promise<void>;
}

/** The run's usage and budgets as a node sees them (`src/server/runs/budget-meter.ts`). */
export interface CallMeter {
  /**
   * Before each model call. Throws a `RunStopError` when the call would pass a budget (the run
   * then starts nothing more), or an Error when a cost budget cannot be enforced (no price).
   */
  reserve(call: PlannedModelCall): Promise<ModelCallReservation>;
}

export interface NodeRunResult {
  /** Keyed by output port name. */
  outputs: Record<string, unknown>;
  /** Extra facts recorded on the node result (token usage, pixel sizes…). */
  meta?: Record<string, unknown>;
}

export type NodeExecutor<D extends NodeDefinition = NodeDefinition> = (input: ResolvedInput<D>, ctx: NodeRunContext) => Promise<NodeRunResult>;

/** A problem only the server can see (the upload is gone, the provider is not configured), on one field. */
export interface ServerReadinessProblem {
  field: string;
  message: string;
}

/** Checked when a run is requested, on a node the engine found ready; `data` is its saved data, parsed. */
export type NodeReadinessCheck<D extends NodeDefinition = NodeDefinition> = (
  data: SavedData<D>,
  ctx: { userId: string },
) => Promise<ServerReadinessProblem[]>;

/**
 * What a node folder's `server.ts` exports. Declared as methods, so one type's server (its
 * input typed by its definition) stands in the catalogue for any.
 */
export interface NodeServer<D extends NodeDefinition = NodeDefinition> {
  execute(input: ResolvedInput<D>, ctx: NodeRunContext): Promise<NodeRunResult>;
  checkReady?(data: SavedData<D>, ctx: { userId: string }): Promise<ServerReadinessProblem[]>;
}

/** A catalogue that can also run its types: where each definition's server side comes from. */
export interface ServerNodeCatalogue extends NodeCatalogue<NodeDefinition> {
  loadServer(definition: NodeDefinition): Promise<NodeServer>;
}

/** Keeps a definition's literal types while checking it against the interface. */
export function defineNode<TData extends z.ZodType, TResolved extends z.ZodType>(
  def: NodeDefinition<TData, TResolved>,
): NodeDefinition<TData, TResolved> {
  return def;
}
