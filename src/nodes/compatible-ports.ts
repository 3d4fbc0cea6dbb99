/**
 * Which node types can take the other end of a wire dragged from a port: the palette opened by
 * dropping a wire on empty canvas lists only those, and connects the new node by the port found here.
 */
import type { PortType } from "@/engine/node-catalogue";
import type { NodeDefinition, NodePort } from "./types";

/** The wire's loose end: an output of `type` looks for an input, an input for an output. */
export interface WireEnd {
  type: PortType;
  /** The side the wire started from: `source` is an output. */
  from: "source" | "target";
}

/**
 * The port of `def` a wire from `end` would connect to, or null: a required port first (an output
 * into an LLM feeds its user message, not its optional system prompt), else the first in order.
 */
export function compatiblePort(def: Pick<NodeDefinition, "inputs" | "outputs">, end: WireEnd): string | null {
  const ports: [string, NodePort][] = Object.entries(end.from === "source" ? def.inputs : def.outputs);
  const fitting = ports.filter(([, port]) => port.type === end.type);
  return (fitting.find(([, port]) => port.required) ?? fitting[0])?.[0] ?? null;
}
