/**
 * What the engine knows about node types: typed ports and the two parameter schemas, looked
 * up by type in a catalogue it is given. The app's node definitions (`src/nodes`) extend
 * `NodeSpec` with what the editor needs; the engine never imports them.
 */
import type { z } from "zod";

export const PORT_TYPES = ["text", "image", "video", "number"] as const;
export type PortType = (typeof PORT_TYPES)[number];

export interface PortSpec {
  type: PortType;
  /** The node cannot run unless this input is connected or set by hand. */
  required?: boolean;
  /** Accepts many connections; the node receives an array. */
  many?: boolean;
}

export interface NodeSpec<TData extends z.ZodType = z.ZodType, TResolved extends z.ZodType = z.ZodType> {
  type: string;
  inputs: Record<string, PortSpec>;
  outputs: Record<string, PortSpec>;
  /**
   * What is saved in `node.data`: lenient, so a half-finished node saves happily, but every
   * value present has the right type and range. Unknown (UI-only) keys pass through.
   */
  data: TData;
  /**
   * What the node runs with: `data` merged with its connected inputs (a connection wins over
   * the manual value). Strict: a failure here is a readiness problem.
   */
  resolved: TResolved;
  /**
   * Drawn on the canvas only (a note, a frame): its `data` is still validated, but it has no
   * ports, is never planned, checked for readiness or executed.
   */
  canvasOnly?: true;
}

/** Node types by name. `list()` keeps the order they were given in. */
export interface NodeCatalogue<S extends NodeSpec = NodeSpec> {
  get(type: string): S | undefined;
  list(): readonly S[];
}

/** True for a type that is drawn only (a note, a frame): never planned, checked or run. */
export function isCanvasOnly(catalogue: Pick<NodeCatalogue, "get">, type: string): boolean {
  return catalogue.get(type)?.canvasOnly === true;
}

/** Input handle → the values arriving on it from connected outputs, in edge order. */
export type ConnectedValues = Record<string, unknown[]>;

/**
 * A catalogue of the given specs; two specs of one type are a programming error.
 *
 * @example
 * const catalogue = createCatalogue([textSpec, llmSpec]);
 * validateGraph(body.graph, catalogue);
 */
export function createCatalogue<S extends NodeSpec>(specs: readonly S[]): NodeCatalogue<S> {
  const byType = new Map<string, S>();
  for (const spec of specs) {
    if (byType.has(spec.type)) throw new Error(`node type "${spec.type}" is defined twice`);
    byType.set(spec.type, spec);
  }
  const list = Object.freeze([...specs]);
  return { get: (type) => byType.get(type), list: () => list };
}
