/**
 * What a node's executor received, rebuilt for run details. The server stores a node result's
 * `input` as the values its connections brought, and the node's own data (a system prompt typed
 * into it, the model, the temperature) in the run's graph snapshot; the executor ran with both
 * merged and parsed by `resolveNodeInput`. The same function here gives the same value, defaults
 * included, split into the node's input ports (typed or wired) and its other params.
 */
import { resolveNodeInput } from "@/engine/resolve-input";
import type { ConnectedValues, PortType } from "@/engine/node-catalogue";
import type { NodeDefinition } from "@/nodes/types";

export interface ReceivedInput {
  name: string;
  label: string;
  type: PortType;
  value: unknown;
  /** Brought by a connection; false when typed into the node. */
  wired: boolean;
}

export interface ExecutorInput {
  /** The node's input ports that received a value, in the definition's order. */
  inputs: ReceivedInput[];
  /** Everything else the executor ran with (model, temperature, max tokens, a text, a crop box). */
  params: { name: string; value: unknown }[];
}

/** UI-only keys a node may carry in `data` (DESIGN §9); never something the executor reads. */
const UI_KEYS = new Set(["label", "collapsed", "width", "height"]);

const isEmpty = (value: unknown) => value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);

/**
 * @example
 * executorInput(llmNode, { model: "m", provider: "groq", system_prompt: "Be brief" }, { user_message: ["hi"] })
 * // inputs: system_prompt (typed), user_message (wired); params: provider, model, temperature…
 */
export function executorInput(definition: NodeDefinition, data: Record<string, unknown>, connected: ConnectedValues): ExecutorInput {
  const resolved = resolveNodeInput(definition, data, connected);
  // A node that failed its own check still shows what it was given.
  const received = resolved.ok ? resolved.value : Object.fromEntries(Object.entries(data).filter(([key]) => !UI_KEYS.has(key)));
  if (!resolved.ok) for (const [name, values] of Object.entries(connected)) if (values.length > 0) received[name] = definition.inputs[name]?.many ? values : values.at(-1);

  const inputs = Object.entries(definition.inputs)
    .filter(([name]) => !isEmpty(received[name]))
    .map(([name, port]) => ({ name, label: port.label, type: port.type, value: received[name], wired: (connected[name]?.length ?? 0) > 0 }));
  const params = Object.entries(received)
    .filter(([name, value]) => !(name in definition.inputs) && !UI_KEYS.has(name) && !isEmpty(value))
    .map(([name, value]) => ({ name, value }));
  return { inputs, params };
}
