/**
 * Key-by-key comparison of two JSON objects (a node's params, inputs or outputs in two runs):
 * which keys were added, removed or changed. Values compare deeply and key order never counts,
 * because two saves of the same data need not list its keys in the same order.
 */

export type KeyChange =
  | { key: string; kind: "same"; value: unknown }
  | { key: string; kind: "added"; after: unknown }
  | { key: string; kind: "removed"; before: unknown }
  | { key: string; kind: "changed"; before: unknown; after: unknown };

type JsonObject = Record<string, unknown>;

/**
 * Every key of either side, in a's order then the keys only b has. A key whose value is
 * `undefined` counts as absent, as it would once sent as JSON.
 *
 * @example
 * diffValues({ model: "a", temperature: 1 }, { model: "b", maxTokens: 10 })
 * // [{key: "model", kind: "changed", before: "a", after: "b"},
 * //  {key: "temperature", kind: "removed", before: 1}, {key: "maxTokens", kind: "added", after: 10}]
 */
export function diffValues(a: JsonObject | null | undefined, b: JsonObject | null | undefined): KeyChange[] {
  const before = a ?? {};
  const after = b ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changes: KeyChange[] = [];
  for (const key of keys) {
    const has = [before[key] !== undefined, after[key] !== undefined];
    if (has[0] && has[1]) {
      changes.push(
        jsonEqual(before[key], after[key])
          ? { key, kind: "same", value: after[key] }
          : { key, kind: "changed", before: before[key], after: after[key] },
      );
    } else if (has[0]) changes.push({ key, kind: "removed", before: before[key] });
    else if (has[1]) changes.push({ key, kind: "added", after: after[key] });
  }
  return changes;
}

/** The keys that differ (added, removed or changed). */
export function changedKeys(
  a: JsonObject | null | undefined,
  b: JsonObject | null | undefined,
): Exclude<KeyChange, { kind: "same" }>[] {
  return diffValues(a, b).filter((c): c is Exclude<KeyChange, { kind: "same" }> => c.kind !== "same");
}

/** Deep equality of JSON values; objects compare by their keys, whatever the order. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => jsonEqual(item, b[i]))
    );
  }
  const defined = (o: object) => Object.entries(o).filter(([, v]) => v !== undefined);
  const left = defined(a);
  const right = new Map(defined(b));
  return left.length === right.size && left.every(([k, v]) => right.has(k) && jsonEqual(v, right.get(k)));
}
