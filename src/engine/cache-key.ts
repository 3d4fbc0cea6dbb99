/**
 * A node's cache key: sha256 of a canonical JSON of its type, its data and the values on
 * its connected inputs. Two runs that would feed a node the same things get the same key,
 * whatever order the keys were written in.
 */
import { createHash } from "node:crypto";
import type { ConnectedValues } from "@/nodes/resolve-input";

/**
 * JSON with object keys sorted at every depth. Follows `JSON.stringify` for the rest
 * (`toJSON`, `undefined` members dropped, non-finite numbers as null); a cyclic value throws.
 */
export function stableStringify(value: unknown): string {
  const parts: string[] = [];
  write(value, parts, new Set());
  return parts.join("");
}

function write(value: unknown, out: string[], seen: Set<object>): void {
  if (value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function") {
    value = (value as { toJSON: () => unknown }).toJSON();
  }
  switch (typeof value) {
    case "string":
      out.push(JSON.stringify(value));
      return;
    case "number":
      out.push(Number.isFinite(value) ? String(value) : "null");
      return;
    case "boolean":
      out.push(value ? "true" : "false");
      return;
    case "bigint":
      out.push(JSON.stringify(value.toString()));
      return;
    case "object":
      break;
    default: // undefined, function, symbol: like JSON, null inside arrays
      out.push("null");
      return;
  }
  if (value === null) {
    out.push("null");
    return;
  }
  if (seen.has(value)) throw new TypeError("cannot hash a cyclic value");
  seen.add(value);
  if (Array.isArray(value)) {
    out.push("[");
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(",");
      write(value[i], out, seen);
    }
    out.push("]");
  } else {
    const record = value as Record<string, unknown>;
    let first = true;
    out.push("{");
    for (const key of Object.keys(record).sort()) {
      const member = record[key];
      if (member === undefined || typeof member === "function" || typeof member === "symbol") continue;
      if (!first) out.push(",");
      first = false;
      out.push(JSON.stringify(key), ":");
      write(member, out, seen);
    }
    out.push("}");
  }
  seen.delete(value);
}

/**
 * @example
 * const key = computeCacheKey("cropImage", { x_percent: 10 }, { image_url: ["https://…/a.png"] });
 * // "3f1c…" (64 hex digits); the same inputs in any key order give the same key
 */
export function computeCacheKey(type: string, data: Record<string, unknown>, connected: ConnectedValues): string {
  return createHash("sha256").update(stableStringify({ type, data, inputs: connected })).digest("hex");
}
