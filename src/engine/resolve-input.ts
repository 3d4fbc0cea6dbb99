/**
 * Merges a node's saved `data` with the values arriving on its connected inputs (a
 * connection wins over the manual value) and parses the result with the spec's strict
 * `resolved` schema. Used before a node executes and by the readiness check.
 */
import type { ConnectedValues, NodeSpec } from "./node-catalogue";

export type ResolveResult =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; problems: { field: string; message: string }[] };

export function mergeNodeInput(spec: NodeSpec, data: Record<string, unknown>, connected: ConnectedValues): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...data };
  for (const [name, port] of Object.entries(spec.inputs)) {
    const values = connected[name];
    if (!values || values.length === 0) continue;
    merged[name] = port.many ? values : values[values.length - 1];
  }
  return merged;
}

/**
 * @example
 * const input = resolveNodeInput(spec, node.data, { user_message: ["hi"] });
 * if (!input.ok) throw new Error(input.problems.map((p) => `${p.field}: ${p.message}`).join("; "));
 */
export function resolveNodeInput(spec: NodeSpec, data: Record<string, unknown>, connected: ConnectedValues): ResolveResult {
  const parsed = spec.resolved.safeParse(mergeNodeInput(spec, data, connected));
  if (parsed.success) return { ok: true, value: parsed.data as Record<string, unknown> };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      field: issue.path.join(".") || "data",
      message: issue.message,
    })),
  };
}
