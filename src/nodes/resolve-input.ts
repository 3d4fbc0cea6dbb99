/**
 * Merges a node's saved `data` with the values arriving on its connected inputs
 * (a connection wins over the manual value) and parses the result with the
 * definition's strict `resolved` schema. Used by the engine before execution and
 * by the readiness check before a run is accepted.
 */
import type { NodeDefinition } from "./types";

export type ConnectedValues = Record<string, unknown[]>;

export type ResolveResult =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; problems: { field: string; message: string }[] };

export function mergeNodeInput(
  def: NodeDefinition,
  data: Record<string, unknown>,
  connected: ConnectedValues,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...data };
  for (const [name, port] of Object.entries(def.inputs)) {
    const values = connected[name];
    if (!values || values.length === 0) continue;
    merged[name] = port.many ? values : values[values.length - 1];
  }
  return merged;
}

export function resolveNodeInput(
  def: NodeDefinition,
  data: Record<string, unknown>,
  connected: ConnectedValues,
): ResolveResult {
  const parsed = def.resolved.safeParse(mergeNodeInput(def, data, connected));
  if (parsed.success) return { ok: true, value: parsed.data as Record<string, unknown> };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      field: issue.path.join(".") || "data",
      message: issue.message,
    })),
  };
}
